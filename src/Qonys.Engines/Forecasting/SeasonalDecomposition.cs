namespace Qonys.Engines.Forecasting;

/// <summary>
/// Classical multiplicative decomposition and the M4 seasonality test, used by Naive2, SES, damped trend, Theta and
/// the combination to work on seasonally adjusted data.
/// </summary>
public static class SeasonalDecomposition
{
    /// <summary>One-sided 90 % critical value of the standard normal distribution used by the M4 test.</summary>
    public const double CriticalValue = 1.645;

    /// <summary>
    /// The M4 seasonality test: with n ≥ 3m observations and autocorrelations r_k, the series is seasonal when
    /// |r_m| &gt; 1.645·√((1 + 2·Σ_{k=1}^{m−1} r_k²)/n) (Bartlett's standard error at lag m). Shorter series, m = 1 and
    /// constant series are not seasonal.
    /// </summary>
    public static bool IsSeasonal(IReadOnlyList<double> values, int period)
    {
        ArgumentNullException.ThrowIfNull(values);
        var n = values.Count;
        if (period <= 1 || n < 3 * period)
        {
            return false;
        }
        var mean = values.Average();
        var denominator = 0.0;
        foreach (var v in values)
        {
            denominator += (v - mean) * (v - mean);
        }
        if (denominator <= 0)
        {
            return false;
        }
        var sumSquares = 0.0;
        for (var k = 1; k < period; k++)
        {
            var r = Autocorrelation(values, mean, denominator, k);
            sumSquares += r * r;
        }
        var limit = CriticalValue * Math.Sqrt((1 + (2 * sumSquares)) / n);
        return Math.Abs(Autocorrelation(values, mean, denominator, period)) > limit;
    }

    /// <summary>
    /// Seasonal indices of a classical multiplicative decomposition: the trend-cycle is the centred moving average
    /// of order m (2×m for even m, halving the two end weights); index p is the mean of y_t / CMA_t over all t with
    /// t mod m = p (t counted from the first observation), and the m indices are scaled to average 1.
    /// Requires at least 2m positive observations.
    /// </summary>
    public static double[] MultiplicativeIndices(IReadOnlyList<double> values, int period)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 2);
        var n = values.Count;
        if (n < 2 * period)
        {
            throw new ArgumentException($"Need at least {2 * period} observations for seasonal indices.", nameof(values));
        }
        if (values.Any(v => v <= 0))
        {
            throw new ArgumentException("Multiplicative decomposition needs positive values.", nameof(values));
        }
        var half = period / 2;
        var even = period % 2 == 0;
        var ratioSums = new double[period];
        var ratioCounts = new int[period];
        for (var t = half; t < n - half; t++)
        {
            double movingSum;
            if (even)
            {
                movingSum = 0.5 * (values[t - half] + values[t + half]);
                for (var j = t - half + 1; j < t + half; j++)
                {
                    movingSum += values[j];
                }
            }
            else
            {
                movingSum = 0;
                for (var j = t - half; j <= t + half; j++)
                {
                    movingSum += values[j];
                }
            }
            ratioSums[t % period] += values[t] / (movingSum / period);
            ratioCounts[t % period]++;
        }
        var indices = new double[period];
        for (var p = 0; p < period; p++)
        {
            indices[p] = ratioSums[p] / ratioCounts[p];
        }
        var average = indices.Average();
        for (var p = 0; p < period; p++)
        {
            indices[p] /= average;
        }
        return indices;
    }

    /// <summary>
    /// The seasonal indices to apply to a history under the M4 rule: indices when the series passes
    /// <see cref="IsSeasonal"/> and is strictly positive, otherwise null (no adjustment).
    /// </summary>
    public static double[]? IndicesWhenSeasonal(IReadOnlyList<double> values, int period)
    {
        ArgumentNullException.ThrowIfNull(values);
        return IsSeasonal(values, period) && values.All(v => v > 0) ? MultiplicativeIndices(values, period) : null;
    }

    private static double Autocorrelation(IReadOnlyList<double> values, double mean, double denominator, int lag)
    {
        var sum = 0.0;
        for (var t = 0; t + lag < values.Count; t++)
        {
            sum += (values[t] - mean) * (values[t + lag] - mean);
        }
        return sum / denominator;
    }
}
