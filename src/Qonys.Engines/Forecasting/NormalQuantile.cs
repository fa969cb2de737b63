namespace Qonys.Engines.Forecasting;

/// <summary>
/// Standard normal quantiles for two-sided prediction intervals. Φ is evaluated with the all-positive series
/// Φ(z) = ½ + φ(z)·(z + z³/3 + z⁵/(3·5) + …) (no cancellation for z ≥ 0) and inverted by Newton's method from z = 0,
/// which converges monotonically because Φ is concave on z ≥ 0.
/// </summary>
internal static class NormalQuantile
{
    /// <summary>Largest supported level; keeps z below 4, where the series is fast and accurate.</summary>
    public const double MaximumLevel = 0.9999;

    /// <summary>z such that P(|Z| ≤ z) = <paramref name="level"/>, e.g. 1.959964 for 0.95.</summary>
    public static double TwoSided(double level)
    {
        if (!(level > 0 && level <= MaximumLevel))
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, $"Interval level must be in (0, {MaximumLevel}].");
        }
        var target = (1 + level) / 2;
        var z = 0.0;
        for (var iteration = 0; iteration < 100; iteration++)
        {
            var step = (target - Cdf(z)) / Density(z);
            z += step;
            if (Math.Abs(step) < 1e-15)
            {
                break;
            }
        }
        return z;
    }

    /// <summary>Φ(z) for z ≥ 0.</summary>
    internal static double Cdf(double z)
    {
        var term = z;
        var sum = z;
        var squared = z * z;
        for (var n = 1; n < 500 && term > 1e-18 * sum; n++)
        {
            term *= squared / ((2 * n) + 1);
            sum += term;
        }
        return 0.5 + (Density(z) * sum);
    }

    private static double Density(double z) => Math.Exp(-0.5 * z * z) / Math.Sqrt(2 * Math.PI);
}
