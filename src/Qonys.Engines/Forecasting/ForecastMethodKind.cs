namespace Qonys.Engines.Forecasting;

/// <summary>
/// The forecasting methods. The declaration order is the fixed tie-break order of method selection:
/// when two methods score equally, the one declared first (the simpler one) is chosen.
/// </summary>
public enum ForecastMethodKind
{
    /// <summary>Last value carried forward.</summary>
    Naive,

    /// <summary>Value of the same month one season earlier.</summary>
    SeasonalNaive,

    /// <summary>Naive on seasonally adjusted data, reseasonalised (M4 benchmark).</summary>
    Naive2,

    /// <summary>Simple exponential smoothing, ETS(A,N,N), on seasonally adjusted data.</summary>
    SimpleExponentialSmoothing,

    /// <summary>Classical Theta method (theta = 2) on seasonally adjusted data.</summary>
    Theta,

    /// <summary>Damped-trend exponential smoothing, ETS(A,Ad,N), on seasonally adjusted data.</summary>
    DampedTrend,

    /// <summary>Equal-weight average of SES, damped trend and Theta.</summary>
    Combination,
}
