namespace Qonys.Engines.Forecasting;

/// <summary>What to back-test and what to forecast for each series.</summary>
public sealed record SelectionOptions(BacktestOptions Backtest, int Horizon, IReadOnlyList<double> Levels)
{
    /// <summary>
    /// Monthly defaults: back-test with horizon 12 from 36 training months in steps of 1 with 80 % and 95 % intervals;
    /// forecast <paramref name="horizon"/> months (12 short, 36 medium) with 80 % and 95 % intervals.
    /// </summary>
    public static SelectionOptions Monthly(int horizon) =>
        new(new BacktestOptions(12, 36, 1, [0.8, 0.95]), horizon, [0.8, 0.95]);
}

/// <summary>
/// The method chosen for one series, its back-test (null when the series was too short for one origin) and the
/// forecast of the chosen method refitted on the whole series.
/// </summary>
public sealed record SelectedForecast(ForecastMethodKind Chosen, BacktestResult? Backtest, ForecastResult Forecast);

/// <summary>Method selection and forecasting for one series or many series in parallel.</summary>
public static class BatchForecaster
{
    /// <summary>
    /// Method used when the series is too short for a back-test origin: the combination (most robust in M4) when the
    /// series has at least 4 observations, naive otherwise.
    /// </summary>
    public static ForecastMethodKind FallbackMethod(int seriesLength) =>
        seriesLength >= 4 ? ForecastMethodKind.Combination : ForecastMethodKind.Naive;

    /// <summary>Back-tests the standard methods, chooses one and forecasts with it from the whole series.</summary>
    public static SelectedForecast SelectAndForecast(MonthlySeries series, SelectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(options);
        var methods = ForecastMethods.Standard();
        var backtestPossible = options.Backtest.TrainingLengths(series.Length).Count > 0
            && options.Backtest.MinimumTrainingLength >= methods.Max(m => m.MinimumLength(series.SeasonalPeriod));
        var backtest = backtestPossible ? RollingOriginBacktest.Run(series, options.Backtest, methods) : null;
        var chosen = backtest?.Chosen ?? FallbackMethod(series.Length);
        var method = methods.First(m => m.Kind == chosen);
        return new SelectedForecast(chosen, backtest, method.Fit(series).Forecast(options.Horizon, options.Levels));
    }

    /// <summary>
    /// <see cref="SelectAndForecast"/> for every series, in parallel over series on up to
    /// <paramref name="maxDegreeOfParallelism"/> threads. Results are in input order and do not depend on the
    /// number of threads (each series is computed independently).
    /// </summary>
    public static IReadOnlyList<SelectedForecast> Run(IReadOnlyList<MonthlySeries> series, SelectionOptions options, int maxDegreeOfParallelism = 2)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDegreeOfParallelism, 1);
        var results = new SelectedForecast[series.Count];
        Parallel.For(
            0,
            series.Count,
            new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism },
            i => results[i] = SelectAndForecast(series[i], options));
        return results;
    }
}
