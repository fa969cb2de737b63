namespace Qonys.Engines.Demography;

/// <summary>
/// Rogers–Castro model migration schedule (Rogers &amp; Castro 1981), 7-parameter form
/// m(x) = a1·exp(−α1·x) + a2·exp(−α2·(x−μ2) − exp(−λ2·(x−μ2))) + c, evaluated at x + 0.5 for single ages 0 … 100.
/// </summary>
public sealed record MigrationAgeSchedule(double A1, double Alpha1, double A2, double Alpha2, double Mu2, double Lambda2, double C)
{
    /// <summary>
    /// The default schedule: childhood component a1 = 0.02, α1 = 0.1; labour component a2 = 0.06, α2 = 0.1, μ2 = 22, λ2 = 0.4;
    /// constant c = 0.003 — close to Rogers and Castro's "fundamental" standard with the labour peak at about age 22–24.
    /// </summary>
    public static MigrationAgeSchedule Standard { get; } = new(0.02, 0.1, 0.06, 0.1, 22, 0.4, 0.003);

    /// <summary>Relative intensity at single age x (ages 0 … 100).</summary>
    public double Intensity(int age)
    {
        var x = age + 0.5;
        return A1 * Math.Exp(-Alpha1 * x) + A2 * Math.Exp(-Alpha2 * (x - Mu2) - Math.Exp(-Lambda2 * (x - Mu2))) + C;
    }

    /// <summary>
    /// Shares of migrants by sex and single age (male block then female block, 202 values, summing to 1);
    /// both sexes follow the same age curve and men take <paramref name="maleShare"/> of the total.
    /// </summary>
    public double[] SexAgeShares(double maleShare = 0.5)
    {
        var shares = new double[2 * AgeGrid.Count];
        var total = 0.0;
        for (var x = 0; x < AgeGrid.Count; x++) total += Intensity(x);
        for (var x = 0; x < AgeGrid.Count; x++)
        {
            shares[x] = maleShare * Intensity(x) / total;
            shares[AgeGrid.Count + x] = (1 - maleShare) * Intensity(x) / total;
        }
        return shares;
    }

    /// <summary>Age intensities normalised to mean 1 over ages 0 … 100 (used as relative out-migration rates).</summary>
    public double[] RelativeIntensity()
    {
        var values = new double[AgeGrid.Count];
        for (var x = 0; x < AgeGrid.Count; x++) values[x] = Intensity(x);
        var mean = values.Average();
        for (var x = 0; x < AgeGrid.Count; x++) values[x] /= mean;
        return values;
    }
}
