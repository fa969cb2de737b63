namespace Qonys.Web.Modules.Permits.Assessment;

/// <summary>
/// The percentile of an offered salary among local salaries of the same region and occupation group, approximated
/// from the one statistic the platform has: the group's average wage (BNS, <c>RegionalWage</c>).
/// <para>
/// Approximation: wages in the group are taken as log-normally distributed with the published average as the mean
/// and a fixed log-dispersion σ = 0.6 (a typical value for monthly wage distributions). Then
/// μ = ln(average) − σ²/2 and the percentile of a salary s is 100 · Φ((ln s − μ) / σ). A salary equal to the
/// average lands near the 62nd percentile; twice the average near the 93rd. When BNS percentiles by sector are
/// loaded as reference data this approximation is to be replaced by a lookup.
/// </para>
/// </summary>
internal static class WagePercentile
{
    /// <summary>The assumed standard deviation of log wages within one region and occupation group.</summary>
    public const double LogDispersion = 0.6;

    /// <summary>Percentile (0–100, one decimal) of <paramref name="salaryKzt"/> given the group's average wage.</summary>
    public static double Of(long salaryKzt, long averageKzt)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(salaryKzt);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(averageKzt);
        var mu = Math.Log(averageKzt) - LogDispersion * LogDispersion / 2;
        var z = (Math.Log(salaryKzt) - mu) / LogDispersion;
        return Math.Round(100 * StandardNormal(z), 1);
    }

    /// <summary>Φ(z) through the complementary error function (Numerical Recipes' erfc, |error| &lt; 1.2e-7).</summary>
    static double StandardNormal(double z) => 0.5 * Erfc(-z / Math.Sqrt(2));

    static double Erfc(double x)
    {
        var t = 1 / (1 + 0.5 * Math.Abs(x));
        var y = t * Math.Exp(-x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 +
                t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? y : 2 - y;
    }
}
