namespace Qonys.Engines.Forecasting;

/// <summary>How the widths of the prediction intervals were obtained.</summary>
public enum IntervalBasis
{
    /// <summary>Closed-form variance of the method's statistical model (naive, seasonal naive, ETS).</summary>
    Analytic,

    /// <summary>Root mean squared in-sample h-step errors of the fitted method (Theta, combination).</summary>
    EmpiricalInSample,

    /// <summary>
    /// Seasonal naive on a history of only one season: no lag-m residual exists, so σ is taken from lag-1
    /// differences. Treat these intervals as rough.
    /// </summary>
    ShortHistoryFallback,
}

/// <summary>A two-sided prediction interval at <see cref="Level"/> (e.g. 0.95) for every forecast step.</summary>
public sealed record PredictionInterval(double Level, IReadOnlyList<double> Lower, IReadOnlyList<double> Upper);

/// <summary>
/// Point forecasts for steps 1..h after the history, starting at (<see cref="StartYear"/>, <see cref="StartMonth"/>),
/// with prediction intervals at the requested levels.
/// </summary>
public sealed record ForecastResult(
    ForecastMethodKind Method,
    int StartYear,
    int StartMonth,
    IReadOnlyList<double> Points,
    IReadOnlyList<PredictionInterval> Intervals,
    IntervalBasis IntervalBasis)
{
    /// <summary>Forecast horizon h.</summary>
    public int Horizon => Points.Count;

    /// <summary>The interval at <paramref name="level"/>; throws when that level was not requested.</summary>
    public PredictionInterval IntervalAt(double level) =>
        Intervals.FirstOrDefault(i => Math.Abs(i.Level - level) < 1e-12)
        ?? throw new ArgumentException($"No interval at level {level} was requested.", nameof(level));
}
