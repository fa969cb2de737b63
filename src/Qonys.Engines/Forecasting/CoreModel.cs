namespace Qonys.Engines.Forecasting;

/// <summary>
/// A method fitted on the (possibly seasonally adjusted) history, with parameters fixed. It can forecast from any
/// in-sample origin, which gives residuals, empirical h-step errors and the final forecast from one recursion.
/// </summary>
internal abstract class CoreModel
{
    protected CoreModel(double[] values)
    {
        Values = values;
    }

    /// <summary>The history on the scale the model was fitted on.</summary>
    public double[] Values { get; }

    /// <summary>Smallest index t such that a forecast made after observing y_0..y_t is defined.</summary>
    public abstract int FirstOrigin { get; }

    /// <summary>Number of estimated parameters, used as degrees of freedom in σ².</summary>
    public abstract int ParameterCount { get; }

    /// <summary>Fitted parameters by name, for display.</summary>
    public abstract IReadOnlyDictionary<string, double> Parameters { get; }

    /// <summary>Forecast of y_{origin+steps} made after observing y_0..y_origin.</summary>
    public abstract double ForecastFrom(int origin, int steps);

    /// <summary>How <see cref="Spread"/> obtains its widths.</summary>
    public virtual IntervalBasis Basis => IntervalBasis.EmpiricalInSample;

    /// <summary>Per-step error standard deviations σ_1..σ_h: closed form where the method has one, else <see cref="EmpiricalSpread"/>.</summary>
    public virtual double[] Spread(int horizon) => EmpiricalSpread(horizon);

    /// <summary>Number of one-step in-sample residuals.</summary>
    public int ResidualCount => Math.Max(0, Values.Length - 1 - FirstOrigin);

    /// <summary>σ of one-step in-sample residuals: √(Σe²/max(1, count − parameters)); NaN without residuals.</summary>
    public double ResidualStandardDeviation()
    {
        var count = ResidualCount;
        if (count == 0)
        {
            return double.NaN;
        }
        var sum = 0.0;
        for (var t = FirstOrigin + 1; t < Values.Length; t++)
        {
            var e = Values[t] - ForecastFrom(t - 1, 1);
            sum += e * e;
        }
        return Math.Sqrt(sum / Math.Max(1, count - ParameterCount));
    }

    /// <summary>
    /// Empirical spread: σ_k = √(mean of squared in-sample k-step errors) over every origin t ≥ <see cref="FirstOrigin"/>
    /// with t + k inside the history. Steps beyond the longest available K grow as σ_K·√(k/K); a running maximum
    /// keeps the spread non-decreasing in k.
    /// </summary>
    public double[] EmpiricalSpread(int horizon)
    {
        var n = Values.Length;
        var available = Math.Min(horizon, n - 1 - FirstOrigin);
        if (available < 1)
        {
            throw new InvalidOperationException("History too short for empirical prediction intervals.");
        }
        var sums = new double[available + 1];
        var counts = new int[available + 1];
        for (var t = FirstOrigin; t < n - 1; t++)
        {
            var steps = Math.Min(available, n - 1 - t);
            for (var k = 1; k <= steps; k++)
            {
                var e = Values[t + k] - ForecastFrom(t, k);
                sums[k] += e * e;
                counts[k]++;
            }
        }
        var spread = new double[horizon];
        var running = 0.0;
        for (var k = 1; k <= horizon; k++)
        {
            var sigma = k <= available
                ? Math.Sqrt(sums[k] / counts[k])
                : Math.Sqrt(sums[available] / counts[available]) * Math.Sqrt((double)k / available);
            running = Math.Max(running, sigma);
            spread[k - 1] = running;
        }
        return spread;
    }
}

/// <summary>Naive: ŷ_{t+k|t} = y_t; σ_k = σ√k.</summary>
internal sealed class NaiveCore(double[] values) : CoreModel(values)
{
    public override int FirstOrigin => 0;

    public override int ParameterCount => 0;

    public override IReadOnlyDictionary<string, double> Parameters { get; } = new Dictionary<string, double>();

    public override IntervalBasis Basis => IntervalBasis.Analytic;

    public override double ForecastFrom(int origin, int steps) => Values[origin];

    public override double[] Spread(int horizon)
    {
        var sigma = ResidualStandardDeviation();
        var spread = new double[horizon];
        for (var k = 1; k <= horizon; k++)
        {
            spread[k - 1] = sigma * Math.Sqrt(k);
        }
        return spread;
    }
}

/// <summary>
/// Seasonal naive: ŷ_{t+k|t} = y_{t+k−m(⌊(k−1)/m⌋+1)}; σ_k = σ√(⌊(k−1)/m⌋+1). With a history of exactly one
/// season there is no lag-m residual, and σ is the root mean square of lag-1 differences instead.
/// </summary>
internal sealed class SeasonalNaiveCore(double[] values, int period) : CoreModel(values)
{
    public override int FirstOrigin => period - 1;

    public override int ParameterCount => 0;

    public override IReadOnlyDictionary<string, double> Parameters { get; } = new Dictionary<string, double>();

    public override IntervalBasis Basis => ResidualCount == 0 ? IntervalBasis.ShortHistoryFallback : IntervalBasis.Analytic;

    public override double ForecastFrom(int origin, int steps) =>
        Values[origin + steps - (period * (((steps - 1) / period) + 1))];

    public override double[] Spread(int horizon)
    {
        var sigma = ResidualCount == 0 ? new NaiveCore(Values).ResidualStandardDeviation() : ResidualStandardDeviation();
        var spread = new double[horizon];
        for (var k = 1; k <= horizon; k++)
        {
            spread[k - 1] = sigma * Math.Sqrt(((k - 1) / period) + 1);
        }
        return spread;
    }
}

/// <summary>
/// Simple exponential smoothing, ETS(A,N,N): ℓ_0 = y_0, ℓ_t = ℓ_{t−1} + α(y_t − ℓ_{t−1}); ŷ_{t+k|t} = ℓ_t;
/// σ_k² = σ²(1 + (k−1)α²).
/// </summary>
internal sealed class SesCore : CoreModel
{
    private readonly double[] _levels;

    public SesCore(double[] values, double alpha, bool alphaEstimated)
        : base(values)
    {
        Alpha = alpha;
        ParameterCount = alphaEstimated ? 1 : 0;
        _levels = Levels(values, alpha);
        Parameters = new Dictionary<string, double> { ["alpha"] = alpha };
    }

    public double Alpha { get; }

    public override int FirstOrigin => 0;

    public override int ParameterCount { get; }

    public override IReadOnlyDictionary<string, double> Parameters { get; }

    public override IntervalBasis Basis => IntervalBasis.Analytic;

    public override double ForecastFrom(int origin, int steps) => _levels[origin];

    public override double[] Spread(int horizon)
    {
        var sigma = ResidualStandardDeviation();
        var spread = new double[horizon];
        for (var k = 1; k <= horizon; k++)
        {
            spread[k - 1] = sigma * Math.Sqrt(1 + ((k - 1) * Alpha * Alpha));
        }
        return spread;
    }

    /// <summary>Smallest fitted α (as in Hyndman et al.'s ets): α = 0 would freeze the level at y_0 for ever.</summary>
    public const double AlphaLower = 1e-4;

    /// <summary>α minimising the one-step SSE, by golden-section search on [<see cref="AlphaLower"/>, 1].</summary>
    public static double FitAlpha(double[] values) => Optimisers.GoldenSection(a => SumOfSquaredErrors(values, a), AlphaLower, 1);

    public static double SumOfSquaredErrors(double[] values, double alpha)
    {
        var level = values[0];
        var sum = 0.0;
        for (var t = 1; t < values.Length; t++)
        {
            var e = values[t] - level;
            sum += e * e;
            level += alpha * e;
        }
        return sum;
    }

    public static double[] Levels(double[] values, double alpha)
    {
        var levels = new double[values.Length];
        levels[0] = values[0];
        for (var t = 1; t < values.Length; t++)
        {
            levels[t] = levels[t - 1] + (alpha * (values[t] - levels[t - 1]));
        }
        return levels;
    }
}
