namespace Qonys.Engines.Forecasting;

/// <summary>Forecast accuracy measures (M4 definitions where M4 has one).</summary>
public static class AccuracyMeasures
{
    /// <summary>
    /// MASE scale: mean absolute in-sample seasonal-naive error |y_t − y_{t−m}| over the history; when the history is
    /// too short for a lag-m difference (n ≤ m) the lag-1 (naive) error is used instead. Needs n ≥ 2.
    /// </summary>
    public static double MaseScale(IReadOnlyList<double> history, int seasonalPeriod)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentOutOfRangeException.ThrowIfLessThan(history.Count, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(seasonalPeriod, 1);
        var lag = history.Count > seasonalPeriod ? seasonalPeriod : 1;
        var sum = 0.0;
        for (var t = lag; t < history.Count; t++)
        {
            sum += Math.Abs(history[t] - history[t - lag]);
        }
        return sum / (history.Count - lag);
    }

    /// <summary>
    /// Mean absolute scaled error: MAE(actual, forecast) / <see cref="MaseScale"/>(history). A zero scale (a history
    /// that repeats exactly) gives 0 when the forecast is exact and +∞ otherwise.
    /// </summary>
    public static double MeanAbsoluteScaledError(IReadOnlyList<double> actual, IReadOnlyList<double> forecast, IReadOnlyList<double> history, int seasonalPeriod) =>
        ScaledError(MeanAbsoluteError(actual, forecast), MaseScale(history, seasonalPeriod));

    /// <summary>M4 sMAPE in percent: mean of 200·|y − ŷ|/(|y| + |ŷ|), with 0/0 counted as 0.</summary>
    public static double SymmetricMape(IReadOnlyList<double> actual, IReadOnlyList<double> forecast)
    {
        EnsurePaired(actual, forecast);
        var sum = 0.0;
        for (var i = 0; i < actual.Count; i++)
        {
            var denominator = Math.Abs(actual[i]) + Math.Abs(forecast[i]);
            sum += denominator == 0 ? 0 : 200 * Math.Abs(actual[i] - forecast[i]) / denominator;
        }
        return sum / actual.Count;
    }

    /// <summary>Mean absolute error.</summary>
    public static double MeanAbsoluteError(IReadOnlyList<double> actual, IReadOnlyList<double> forecast)
    {
        EnsurePaired(actual, forecast);
        var sum = 0.0;
        for (var i = 0; i < actual.Count; i++)
        {
            sum += Math.Abs(actual[i] - forecast[i]);
        }
        return sum / actual.Count;
    }

    /// <summary>Root mean squared error.</summary>
    public static double RootMeanSquaredError(IReadOnlyList<double> actual, IReadOnlyList<double> forecast)
    {
        EnsurePaired(actual, forecast);
        var sum = 0.0;
        for (var i = 0; i < actual.Count; i++)
        {
            sum += (actual[i] - forecast[i]) * (actual[i] - forecast[i]);
        }
        return Math.Sqrt(sum / actual.Count);
    }

    /// <summary>Share of actual values inside [lower, upper] (bounds included).</summary>
    public static double Coverage(IReadOnlyList<double> actual, IReadOnlyList<double> lower, IReadOnlyList<double> upper)
    {
        EnsurePaired(actual, lower);
        EnsurePaired(actual, upper);
        var inside = 0;
        for (var i = 0; i < actual.Count; i++)
        {
            if (actual[i] >= lower[i] && actual[i] <= upper[i])
            {
                inside++;
            }
        }
        return (double)inside / actual.Count;
    }

    internal static double ScaledError(double meanAbsoluteError, double scale) =>
        scale > 0 ? meanAbsoluteError / scale : meanAbsoluteError == 0 ? 0 : double.PositiveInfinity;

    private static void EnsurePaired(IReadOnlyList<double> actual, IReadOnlyList<double> other)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(other);
        if (actual.Count == 0 || actual.Count != other.Count)
        {
            throw new ArgumentException("Series must be non-empty and of equal length.");
        }
    }
}
