namespace Qonys.Engines.Forecasting;

/// <summary>A forecasting method: fits on a history and returns a <see cref="FittedForecast"/>.</summary>
public interface IForecastMethod
{
    /// <summary>Which method this is.</summary>
    ForecastMethodKind Kind { get; }

    /// <summary>Shortest history the method can be fitted on, for seasonal period <paramref name="seasonalPeriod"/>.</summary>
    int MinimumLength(int seasonalPeriod);

    /// <summary>Fits the method on <paramref name="history"/>; deterministic.</summary>
    FittedForecast Fit(MonthlySeries history);
}

/// <summary>The standard method set used by the back-test and method selection.</summary>
public static class ForecastMethods
{
    /// <summary>
    /// Naive, seasonal naive, Naive2, SES, Theta, damped trend and their combination (which reuses the same SES,
    /// damped and Theta instances, so a back-test fits them once per origin), in tie-break order.
    /// </summary>
    public static IReadOnlyList<IForecastMethod> Standard()
    {
        var ses = new SimpleExponentialSmoothingMethod();
        var theta = new ThetaMethod();
        var damped = new DampedTrendMethod();
        return [new NaiveMethod(), new SeasonalNaiveMethod(), new Naive2Method(), ses, theta, damped, new CombinationMethod(ses, damped, theta)];
    }

    internal static void EnsureLength(IForecastMethod method, MonthlySeries history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var minimum = method.MinimumLength(history.SeasonalPeriod);
        if (history.Length < minimum)
        {
            throw new ArgumentException($"{method.Kind} needs at least {minimum} observations; got {history.Length}.", nameof(history));
        }
    }

    /// <summary>Seasonal indices under the M4 rule and the history divided by them (a copy of it when not seasonal).</summary>
    internal static (double[] Adjusted, double[]? Indices) SeasonallyAdjust(MonthlySeries history)
    {
        var values = history.Span.ToArray();
        var indices = SeasonalDecomposition.IndicesWhenSeasonal(values, history.SeasonalPeriod);
        if (indices is not null)
        {
            for (var t = 0; t < values.Length; t++)
            {
                values[t] /= indices[t % history.SeasonalPeriod];
            }
        }
        return (values, indices);
    }
}

/// <summary>Naive method: the last observation carried forward; σ_h = σ√h.</summary>
public sealed class NaiveMethod : IForecastMethod
{
    /// <inheritdoc />
    public ForecastMethodKind Kind => ForecastMethodKind.Naive;

    /// <inheritdoc />
    public int MinimumLength(int seasonalPeriod) => 2;

    /// <inheritdoc />
    public FittedForecast Fit(MonthlySeries history)
    {
        ForecastMethods.EnsureLength(this, history);
        return new FittedForecast(Kind, history, new NaiveCore(history.Span.ToArray()), null);
    }
}

/// <summary>Seasonal naive: the value of the same month one season earlier; σ_h = σ√(⌊(h−1)/m⌋+1).</summary>
public sealed class SeasonalNaiveMethod : IForecastMethod
{
    /// <inheritdoc />
    public ForecastMethodKind Kind => ForecastMethodKind.SeasonalNaive;

    /// <inheritdoc />
    public int MinimumLength(int seasonalPeriod) => Math.Max(2, seasonalPeriod);

    /// <inheritdoc />
    public FittedForecast Fit(MonthlySeries history)
    {
        ForecastMethods.EnsureLength(this, history);
        return new FittedForecast(Kind, history, new SeasonalNaiveCore(history.Span.ToArray(), history.SeasonalPeriod), null);
    }
}

/// <summary>Naive2 (M4): naive on seasonally adjusted data, reseasonalised; intervals σ√h on the adjusted scale.</summary>
public sealed class Naive2Method : IForecastMethod
{
    /// <inheritdoc />
    public ForecastMethodKind Kind => ForecastMethodKind.Naive2;

    /// <inheritdoc />
    public int MinimumLength(int seasonalPeriod) => 2;

    /// <inheritdoc />
    public FittedForecast Fit(MonthlySeries history)
    {
        ForecastMethods.EnsureLength(this, history);
        var (adjusted, indices) = ForecastMethods.SeasonallyAdjust(history);
        return new FittedForecast(Kind, history, new NaiveCore(adjusted), indices);
    }
}

/// <summary>
/// Simple exponential smoothing on seasonally adjusted data (as the M4 SES benchmark); α fitted by golden-section
/// search on [1e-4, 1] unless fixed; intervals from ETS(A,N,N).
/// </summary>
public sealed class SimpleExponentialSmoothingMethod : IForecastMethod
{
    private readonly double? _fixedAlpha;

    /// <summary>Creates the method; a <paramref name="fixedAlpha"/> in [0, 1] skips fitting.</summary>
    public SimpleExponentialSmoothingMethod(double? fixedAlpha = null)
    {
        if (fixedAlpha is { } a && !(a >= 0 && a <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(fixedAlpha), a, "Alpha must be in [0, 1].");
        }
        _fixedAlpha = fixedAlpha;
    }

    /// <inheritdoc />
    public ForecastMethodKind Kind => ForecastMethodKind.SimpleExponentialSmoothing;

    /// <inheritdoc />
    public int MinimumLength(int seasonalPeriod) => 3;

    /// <inheritdoc />
    public FittedForecast Fit(MonthlySeries history)
    {
        ForecastMethods.EnsureLength(this, history);
        var (adjusted, indices) = ForecastMethods.SeasonallyAdjust(history);
        return new FittedForecast(Kind, history, FitCore(adjusted), indices);
    }

    internal SesCore FitCore(double[] adjusted) =>
        new(adjusted, _fixedAlpha ?? SesCore.FitAlpha(adjusted), _fixedAlpha is null);
}

/// <summary>
/// Damped-trend exponential smoothing on seasonally adjusted data; (α, β, φ) fitted by bounded Nelder–Mead unless
/// fixed; intervals from ETS(A,Ad,N).
/// </summary>
public sealed class DampedTrendMethod : IForecastMethod
{
    private readonly DampedTrendParameters? _fixed;

    /// <summary>Creates the method; <paramref name="fixedParameters"/> skips fitting.</summary>
    public DampedTrendMethod(DampedTrendParameters? fixedParameters = null)
    {
        fixedParameters?.Validate();
        _fixed = fixedParameters;
    }

    /// <inheritdoc />
    public ForecastMethodKind Kind => ForecastMethodKind.DampedTrend;

    /// <inheritdoc />
    public int MinimumLength(int seasonalPeriod) => 4;

    /// <inheritdoc />
    public FittedForecast Fit(MonthlySeries history)
    {
        ForecastMethods.EnsureLength(this, history);
        var (adjusted, indices) = ForecastMethods.SeasonallyAdjust(history);
        return new FittedForecast(Kind, history, FitCore(adjusted), indices);
    }

    internal DampedTrendCore FitCore(double[] adjusted) =>
        new(adjusted, _fixed ?? DampedTrendCore.Fit(adjusted), _fixed is null);
}

/// <summary>
/// Classical Theta (theta = 2) on seasonally adjusted data: ½·SES(2y − L) + ½·L with L the least-squares line;
/// intervals from empirical in-sample h-step errors.
/// </summary>
public sealed class ThetaMethod : IForecastMethod
{
    private readonly double? _fixedAlpha;

    /// <summary>Creates the method; a <paramref name="fixedAlpha"/> in [0, 1] for the SES of the theta line skips fitting.</summary>
    public ThetaMethod(double? fixedAlpha = null)
    {
        if (fixedAlpha is { } a && !(a >= 0 && a <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(fixedAlpha), a, "Alpha must be in [0, 1].");
        }
        _fixedAlpha = fixedAlpha;
    }

    /// <inheritdoc />
    public ForecastMethodKind Kind => ForecastMethodKind.Theta;

    /// <inheritdoc />
    public int MinimumLength(int seasonalPeriod) => 3;

    /// <inheritdoc />
    public FittedForecast Fit(MonthlySeries history)
    {
        ForecastMethods.EnsureLength(this, history);
        var (adjusted, indices) = ForecastMethods.SeasonallyAdjust(history);
        return new FittedForecast(Kind, history, FitCore(adjusted), indices);
    }

    internal ThetaCore FitCore(double[] adjusted) => new(adjusted, _fixedAlpha);
}

/// <summary>
/// Equal-weight combination of SES, damped trend and Theta fitted on the same seasonally adjusted history;
/// intervals from empirical in-sample h-step errors of the combined forecast.
/// </summary>
public sealed class CombinationMethod : IForecastMethod
{
    /// <summary>Combination of the default (fitted) SES, damped trend and Theta.</summary>
    public CombinationMethod()
        : this(new SimpleExponentialSmoothingMethod(), new DampedTrendMethod(), new ThetaMethod())
    {
    }

    /// <summary>Combination of the given component methods.</summary>
    public CombinationMethod(SimpleExponentialSmoothingMethod ses, DampedTrendMethod damped, ThetaMethod theta)
    {
        Ses = ses ?? throw new ArgumentNullException(nameof(ses));
        Damped = damped ?? throw new ArgumentNullException(nameof(damped));
        Theta = theta ?? throw new ArgumentNullException(nameof(theta));
    }

    /// <inheritdoc />
    public ForecastMethodKind Kind => ForecastMethodKind.Combination;

    internal SimpleExponentialSmoothingMethod Ses { get; }

    internal DampedTrendMethod Damped { get; }

    internal ThetaMethod Theta { get; }

    /// <inheritdoc />
    public int MinimumLength(int seasonalPeriod) => 4;

    /// <inheritdoc />
    public FittedForecast Fit(MonthlySeries history)
    {
        ForecastMethods.EnsureLength(this, history);
        var (adjusted, indices) = ForecastMethods.SeasonallyAdjust(history);
        return Combine(history, adjusted, indices, Ses.FitCore(adjusted), Damped.FitCore(adjusted), Theta.FitCore(adjusted));
    }

    /// <summary>The combination built from already fitted components (all fitted on the same history).</summary>
    internal FittedForecast FromComponents(FittedForecast ses, FittedForecast damped, FittedForecast theta) =>
        Combine(ses.History, ses.Core.Values, ses.Indices, ses.Core, damped.Core, theta.Core);

    private FittedForecast Combine(MonthlySeries history, double[] adjusted, double[]? indices, CoreModel ses, CoreModel damped, CoreModel theta) =>
        new(Kind, history, new CombinationCore(adjusted, [("ses", ses), ("damped", damped), ("theta", theta)]), indices);
}
