namespace Qonys.Engines.Forecasting;

/// <summary>
/// A forecasting method fitted on one history: fitted parameters, the seasonal indices used (if any), and
/// <see cref="Forecast"/> for any horizon and interval levels.
/// </summary>
public sealed class FittedForecast
{
    private readonly MonthlySeries _history;
    private readonly double[]? _indices;

    internal FittedForecast(ForecastMethodKind method, MonthlySeries history, CoreModel core, double[]? indices)
    {
        Method = method;
        _history = history;
        Core = core;
        _indices = indices;
    }

    /// <summary>The fitted method.</summary>
    public ForecastMethodKind Method { get; }

    /// <summary>True when the method worked on seasonally adjusted data (the M4 seasonality test passed).</summary>
    public bool IsSeasonallyAdjusted => _indices is not null;

    /// <summary>Multiplicative seasonal indices by position t mod m from the first observation; empty when not adjusted.</summary>
    public IReadOnlyList<double> SeasonalIndices => _indices ?? [];

    /// <summary>Fitted parameters by name (alpha, beta, phi, intercept, slope; prefixed by component for the combination).</summary>
    public IReadOnlyDictionary<string, double> Parameters => Core.Parameters;

    internal CoreModel Core { get; }

    internal double[]? Indices => _indices;

    internal MonthlySeries History => _history;

    /// <summary>
    /// Point forecasts for steps 1..<paramref name="horizon"/> and two-sided normal prediction intervals
    /// ŷ ± z·σ_k at each level in (0, 0.9999] (e.g. 0.8, 0.95). On seasonally adjusted data both the point forecast
    /// and the interval bounds are multiplied by the seasonal index of the target month (indices treated as known).
    /// </summary>
    public ForecastResult Forecast(int horizon, IReadOnlyList<double> levels)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(horizon, 1);
        ArgumentNullException.ThrowIfNull(levels);
        var n = _history.Length;
        var m = _history.SeasonalPeriod;
        var adjustedPoints = new double[horizon];
        var seasonal = new double[horizon];
        var points = new double[horizon];
        for (var k = 1; k <= horizon; k++)
        {
            adjustedPoints[k - 1] = Core.ForecastFrom(n - 1, k);
            seasonal[k - 1] = _indices is null ? 1 : _indices[(n - 1 + k) % m];
            points[k - 1] = adjustedPoints[k - 1] * seasonal[k - 1];
        }
        var intervals = new List<PredictionInterval>(levels.Count);
        if (levels.Count > 0)
        {
            var spread = Core.Spread(horizon);
            foreach (var level in levels)
            {
                var z = NormalQuantile.TwoSided(level);
                var lower = new double[horizon];
                var upper = new double[horizon];
                for (var k = 0; k < horizon; k++)
                {
                    lower[k] = (adjustedPoints[k] - (z * spread[k])) * seasonal[k];
                    upper[k] = (adjustedPoints[k] + (z * spread[k])) * seasonal[k];
                }
                intervals.Add(new PredictionInterval(level, lower, upper));
            }
        }
        var (year, month) = _history.PeriodAt(n);
        return new ForecastResult(Method, year, month, points, intervals, Core.Basis);
    }
}
