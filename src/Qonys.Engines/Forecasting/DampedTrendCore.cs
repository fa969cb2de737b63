namespace Qonys.Engines.Forecasting;

/// <summary>
/// Smoothing parameters of damped-trend exponential smoothing in error-correction (ETS) form:
/// ℓ_t = ℓ_{t−1} + φb_{t−1} + αe_t, b_t = φb_{t−1} + βe_t, with 0 ≤ β ≤ α ≤ 1 and 0 &lt; φ &lt; 1.
/// (β = α·β* in Holt's textbook form.)
/// </summary>
public sealed record DampedTrendParameters(double Alpha, double Beta, double Phi)
{
    internal void Validate()
    {
        if (!(Alpha >= 0 && Alpha <= 1 && Beta >= 0 && Beta <= Alpha && Phi > 0 && Phi < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(DampedTrendParameters), this, "Need 0 ≤ β ≤ α ≤ 1 and 0 < φ < 1.");
        }
    }
}

/// <summary>
/// Damped-trend exponential smoothing, ETS(A,Ad,N). Start: ℓ_1 = y_1, b_1 = y_1 − y_0; for t ≥ 2:
/// ŷ_t = ℓ_{t−1} + φb_{t−1}, e_t = y_t − ŷ_t, ℓ_t = ŷ_t + αe_t, b_t = φb_{t−1} + βe_t.
/// Forecast ŷ_{t+k|t} = ℓ_t + (φ + φ² + … + φ^k)·b_t.
/// </summary>
internal sealed class DampedTrendCore : CoreModel
{
    /// <summary>Bounds of φ while fitting (as in Hyndman et al.'s ets).</summary>
    public const double PhiLower = 0.8;

    /// <summary>Upper bound of φ while fitting.</summary>
    public const double PhiUpper = 0.98;

    private readonly double[] _levels;
    private readonly double[] _trends;
    private readonly DampedTrendParameters _parameters;
    private readonly double[] _dampingSums;

    public DampedTrendCore(double[] values, DampedTrendParameters parameters, bool estimated)
        : base(values)
    {
        _parameters = parameters;
        ParameterCount = estimated ? 3 : 0;
        (_levels, _trends) = States(values, parameters.Alpha, parameters.Beta, parameters.Phi);
        _dampingSums = new double[values.Length + 1];
        var power = 1.0;
        for (var k = 1; k < _dampingSums.Length; k++)
        {
            power *= parameters.Phi;
            _dampingSums[k] = _dampingSums[k - 1] + power;
        }
        Parameters = new Dictionary<string, double>
        {
            ["alpha"] = parameters.Alpha,
            ["beta"] = parameters.Beta,
            ["phi"] = parameters.Phi,
        };
    }

    public override int FirstOrigin => 1;

    public override IntervalBasis Basis => IntervalBasis.Analytic;

    public override int ParameterCount { get; }

    public override IReadOnlyDictionary<string, double> Parameters { get; }

    /// <summary>φ + … + φ^k comes from a table for k ≤ n (all in-sample steps) and from φ(1 − φ^k)/(1 − φ) beyond.</summary>
    public override double ForecastFrom(int origin, int steps)
    {
        var phi = _parameters.Phi;
        var dampingSum = steps < _dampingSums.Length ? _dampingSums[steps] : phi * (1 - Math.Pow(phi, steps)) / (1 - phi);
        return _levels[origin] + (_trends[origin] * dampingSum);
    }

    /// <summary>
    /// ETS(A,Ad,N) variance (Hyndman &amp; Athanasopoulos, FPP3 §8.7, table 8.8):
    /// σ_h² = σ²[1 + α²(h−1) + βφh/(1−φ)²·(2α(1−φ) + βφ) − βφ(1−φ^h)/((1−φ)²(1−φ²))·(2α(1−φ²) + βφ(1 + 2φ − φ^h))].
    /// </summary>
    public override double[] Spread(int horizon)
    {
        var sigma = ResidualStandardDeviation();
        var spread = new double[horizon];
        for (var h = 1; h <= horizon; h++)
        {
            spread[h - 1] = sigma * Math.Sqrt(VarianceFactor(_parameters, h));
        }
        return spread;
    }

    internal static double VarianceFactor(DampedTrendParameters p, int h)
    {
        double a = p.Alpha, b = p.Beta, f = p.Phi;
        var oneMinus = 1 - f;
        var phiH = Math.Pow(f, h);
        return 1
            + (a * a * (h - 1))
            + (b * f * h / (oneMinus * oneMinus) * ((2 * a * oneMinus) + (b * f)))
            - (b * f * (1 - phiH) / (oneMinus * oneMinus * (1 - (f * f))) * ((2 * a * (1 - (f * f))) + (b * f * (1 + (2 * f) - phiH))));
    }

    /// <summary>
    /// Parameters minimising the one-step SSE: Nelder–Mead over (α, β*, φ) ∈ [1e-4, 1] × [0, 1] × [0.8, 0.98] with β = αβ*,
    /// from the fixed start (0.3, 0.1, 0.9) with initial steps (0.1, 0.1, 0.04).
    /// </summary>
    public static DampedTrendParameters Fit(double[] values)
    {
        double Objective(double[] x) => SumOfSquaredErrors(values, x[0], x[0] * x[1], x[2]);
        double[] lower = [SesCore.AlphaLower, 0, PhiLower];
        double[] upper = [1, 1, PhiUpper];
        double[] step = [0.1, 0.1, 0.04];
        var best = Optimisers.NelderMead(Objective, [0.3, 0.1, 0.9], step, lower, upper).Point;
        return new DampedTrendParameters(best[0], best[0] * best[1], best[2]);
    }

    private static double SumOfSquaredErrors(double[] values, double alpha, double beta, double phi)
    {
        var level = values[1];
        var trend = values[1] - values[0];
        var sum = 0.0;
        for (var t = 2; t < values.Length; t++)
        {
            var predicted = level + (phi * trend);
            var e = values[t] - predicted;
            sum += e * e;
            level = predicted + (alpha * e);
            trend = (phi * trend) + (beta * e);
        }
        return sum;
    }

    private static (double[] Levels, double[] Trends) States(double[] values, double alpha, double beta, double phi)
    {
        var levels = new double[values.Length];
        var trends = new double[values.Length];
        levels[1] = values[1];
        trends[1] = values[1] - values[0];
        for (var t = 2; t < values.Length; t++)
        {
            var predicted = levels[t - 1] + (phi * trends[t - 1]);
            var e = values[t] - predicted;
            levels[t] = predicted + (alpha * e);
            trends[t] = (phi * trends[t - 1]) + (beta * e);
        }
        return (levels, trends);
    }
}

/// <summary>
/// Classical Theta method (Assimakopoulos &amp; Nikolopoulos 2000, as in the M4 benchmarks): the theta = 0 line is the
/// least-squares line L_t = a + bt (t = 0..n−1); the theta = 2 line is Z_t = 2y_t − L_t; Z is smoothed by SES
/// (ℓ_0 = Z_0, α fitted by SSE); the forecast is the equal-weight mean ŷ_{t+k|t} = ½ℓ^Z_t + ½(a + b(t+k)), i.e.
/// the SES level of Z plus a drift of b/2 per step. The line is fitted once on the whole history.
/// </summary>
internal sealed class ThetaCore : CoreModel
{
    private readonly double[] _levels;
    private readonly double _intercept;
    private readonly double _slope;

    public ThetaCore(double[] values, double? fixedAlpha)
        : base(values)
    {
        (_intercept, _slope) = LeastSquaresLine(values);
        var thetaLine = new double[values.Length];
        for (var t = 0; t < values.Length; t++)
        {
            thetaLine[t] = (2 * values[t]) - (_intercept + (_slope * t));
        }
        var alpha = fixedAlpha ?? SesCore.FitAlpha(thetaLine);
        _levels = SesCore.Levels(thetaLine, alpha);
        Parameters = new Dictionary<string, double> { ["alpha"] = alpha, ["intercept"] = _intercept, ["slope"] = _slope };
    }

    public override int FirstOrigin => 0;

    public override int ParameterCount => 3;

    public override IReadOnlyDictionary<string, double> Parameters { get; }

    public override double ForecastFrom(int origin, int steps) =>
        (0.5 * _levels[origin]) + (0.5 * (_intercept + (_slope * (origin + steps))));

    private static (double Intercept, double Slope) LeastSquaresLine(double[] values)
    {
        var n = values.Length;
        var meanT = (n - 1) / 2.0;
        var meanY = values.Average();
        double sxy = 0, sxx = 0;
        for (var t = 0; t < n; t++)
        {
            sxy += (t - meanT) * (values[t] - meanY);
            sxx += (t - meanT) * (t - meanT);
        }
        var slope = sxx > 0 ? sxy / sxx : 0;
        return (meanY - (slope * meanT), slope);
    }
}

/// <summary>Equal-weight average of component forecasts made from the same origin.</summary>
internal sealed class CombinationCore : CoreModel
{
    private readonly CoreModel[] _components;

    public CombinationCore(double[] values, IReadOnlyList<(string Name, CoreModel Model)> components)
        : base(values)
    {
        _components = components.Select(c => c.Model).ToArray();
        FirstOrigin = _components.Max(c => c.FirstOrigin);
        var parameters = new Dictionary<string, double>();
        foreach (var (name, model) in components)
        {
            foreach (var (key, value) in model.Parameters)
            {
                parameters[$"{name}.{key}"] = value;
            }
        }
        Parameters = parameters;
    }

    public override int FirstOrigin { get; }

    public override int ParameterCount => _components.Sum(c => c.ParameterCount);

    public override IReadOnlyDictionary<string, double> Parameters { get; }

    public override double ForecastFrom(int origin, int steps)
    {
        var sum = 0.0;
        foreach (var component in _components)
        {
            sum += component.ForecastFrom(origin, steps);
        }
        return sum / _components.Length;
    }
}
