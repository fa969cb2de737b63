using System.Globalization;

namespace Qonys.Engines.Forecasting;

/// <summary>
/// Rolling-origin design: training lengths n_0 = <see cref="MinimumTrainingLength"/>, n_0 + step, … while
/// n_i + <see cref="Horizon"/> ≤ N, so every origin is scored on a full horizon. Intervals at <see cref="Levels"/>
/// are checked for coverage (pass an empty list to skip them).
/// </summary>
public sealed record BacktestOptions(int Horizon, int MinimumTrainingLength, int Step, IReadOnlyList<double> Levels)
{
    /// <summary>Training lengths of all origins for a series of <paramref name="seriesLength"/> observations.</summary>
    public IReadOnlyList<int> TrainingLengths(int seriesLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Horizon, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MinimumTrainingLength, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(Step, 1);
        var lengths = new List<int>();
        for (var n = MinimumTrainingLength; n + Horizon <= seriesLength; n += Step)
        {
            lengths.Add(n);
        }
        return lengths;
    }
}

/// <summary>Coverage of the prediction interval at <see cref="Level"/> over all origins and steps.</summary>
public sealed record IntervalCoverage(double Level, double Coverage);

/// <summary>
/// One method's back-test scores, averaged over origins (each origin's MASE, sMAPE, MAE and RMSE are over steps 1..h).
/// Relative scores are the method's mean divided by seasonal naive's (1 when both are 0, +∞ when only the
/// baseline is 0); null when seasonal naive was not back-tested.
/// </summary>
public sealed record MethodScore(
    ForecastMethodKind Method,
    double MeanMase,
    double MeanSmape,
    double MeanMae,
    double MeanRmse,
    double? RelativeMase,
    double? RelativeSmape,
    IReadOnlyList<IntervalCoverage> Coverage);

/// <summary>Back-test of several methods on one series, with the chosen method.</summary>
public sealed record BacktestResult(IReadOnlyList<int> TrainingLengths, IReadOnlyList<MethodScore> Scores, ForecastMethodKind Chosen)
{
    /// <summary>Number of forecast origins.</summary>
    public int OriginCount => TrainingLengths.Count;

    /// <summary>Scores of the chosen method.</summary>
    public MethodScore ChosenScore => Scores.First(s => s.Method == Chosen);

    /// <summary>Scores of seasonal naive, when it was back-tested.</summary>
    public MethodScore? Baseline => Scores.FirstOrDefault(s => s.Method == ForecastMethodKind.SeasonalNaive);

    /// <summary>One line for display, e.g. "Theta chosen: MASE 0.71 vs seasonal naive 1.00".</summary>
    public string Summary()
    {
        var chosen = string.Create(CultureInfo.InvariantCulture, $"{Chosen} chosen: MASE {ChosenScore.MeanMase:F2}");
        return Baseline is { } baseline
            ? string.Create(CultureInfo.InvariantCulture, $"{chosen} vs seasonal naive {baseline.MeanMase:F2}")
            : chosen;
    }
}

/// <summary>Rolling-origin evaluation of forecasting methods and the per-series choice of method.</summary>
public static class RollingOriginBacktest
{
    /// <summary>Two mean MASE (or sMAPE) values closer than this (absolute, plus 1e-9 relative) count as tied.</summary>
    public const double TieTolerance = 1e-9;

    /// <summary>Back-tests <see cref="ForecastMethods.Standard"/> on <paramref name="series"/>.</summary>
    public static BacktestResult Run(MonthlySeries series, BacktestOptions options) =>
        Run(series, options, ForecastMethods.Standard());

    /// <summary>
    /// Back-tests <paramref name="methods"/>: at every origin each method is fitted on the training prefix and scored
    /// on the next h values; MASE is scaled by the training prefix. A <see cref="CombinationMethod"/> whose components
    /// appear earlier in the list reuses their fits at that origin. Throws when the series allows no origin or is
    /// shorter than a method's minimum at the first origin.
    /// </summary>
    public static BacktestResult Run(MonthlySeries series, BacktestOptions options, IReadOnlyList<IForecastMethod> methods)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(methods);
        if (methods.Count == 0)
        {
            throw new ArgumentException("No methods to back-test.", nameof(methods));
        }
        var lengths = options.TrainingLengths(series.Length);
        if (lengths.Count == 0)
        {
            throw new ArgumentException(
                $"Series of {series.Length} observations allows no origin with training length {options.MinimumTrainingLength} and horizon {options.Horizon}.",
                nameof(series));
        }
        var h = options.Horizon;
        var accumulators = methods.Select(_ => new ScoreAccumulator(options.Levels.Count)).ToArray();
        var fits = new Dictionary<IForecastMethod, FittedForecast>(ReferenceEqualityComparer.Instance);
        var values = series.Values;
        foreach (var n in lengths)
        {
            var training = series.Take(n);
            var actual = new double[h];
            for (var k = 0; k < h; k++)
            {
                actual[k] = values[n + k];
            }
            var scale = AccuracyMeasures.MaseScale(training.Values, series.SeasonalPeriod);
            fits.Clear();
            for (var i = 0; i < methods.Count; i++)
            {
                var fit = FitAtOrigin(methods[i], training, fits);
                fits[methods[i]] = fit;
                var forecast = fit.Forecast(h, options.Levels);
                accumulators[i].Add(actual, forecast, scale);
            }
        }
        var baselineIndex = IndexOf(methods, ForecastMethodKind.SeasonalNaive);
        var scores = new MethodScore[methods.Count];
        for (var i = 0; i < methods.Count; i++)
        {
            scores[i] = accumulators[i].Score(methods[i].Kind, options.Levels, baselineIndex < 0 ? null : accumulators[baselineIndex]);
        }
        return new BacktestResult(lengths, scores, Choose(scores));
    }

    /// <summary>
    /// Selection rule: lowest mean MASE; within <see cref="TieTolerance"/> the lower mean sMAPE; still tied, the method
    /// that comes first in <see cref="ForecastMethodKind"/> order. NaN scores rank last.
    /// </summary>
    public static ForecastMethodKind Choose(IReadOnlyList<MethodScore> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var ordered = scores.OrderBy(s => s.Method).ToList();
        var best = ordered[0];
        foreach (var candidate in ordered.Skip(1))
        {
            var mase = Compare(candidate.MeanMase, best.MeanMase);
            if (mase < 0 || (mase == 0 && Compare(candidate.MeanSmape, best.MeanSmape) < 0))
            {
                best = candidate;
            }
        }
        return best.Method;
    }

    private static int Compare(double a, double b)
    {
        a = double.IsNaN(a) ? double.PositiveInfinity : a;
        b = double.IsNaN(b) ? double.PositiveInfinity : b;
        if (a == b || Math.Abs(a - b) <= TieTolerance * (1 + Math.Min(Math.Abs(a), Math.Abs(b))))
        {
            return 0;
        }
        return a < b ? -1 : 1;
    }

    private static FittedForecast FitAtOrigin(IForecastMethod method, MonthlySeries training, Dictionary<IForecastMethod, FittedForecast> fits) =>
        method is CombinationMethod combination
            && fits.TryGetValue(combination.Ses, out var ses)
            && fits.TryGetValue(combination.Damped, out var damped)
            && fits.TryGetValue(combination.Theta, out var theta)
            ? combination.FromComponents(ses, damped, theta)
            : method.Fit(training);

    private static int IndexOf(IReadOnlyList<IForecastMethod> methods, ForecastMethodKind kind)
    {
        for (var i = 0; i < methods.Count; i++)
        {
            if (methods[i].Kind == kind)
            {
                return i;
            }
        }
        return -1;
    }

    private sealed class ScoreAccumulator(int levelCount)
    {
        private readonly double[] _covered = new double[levelCount];
        private double _mase;
        private double _smape;
        private double _mae;
        private double _rmse;
        private int _origins;
        private int _steps;

        public double MeanMase => _mase / _origins;

        public double MeanSmape => _smape / _origins;

        public void Add(double[] actual, ForecastResult forecast, double scale)
        {
            var mae = AccuracyMeasures.MeanAbsoluteError(actual, forecast.Points);
            _mase += AccuracyMeasures.ScaledError(mae, scale);
            _smape += AccuracyMeasures.SymmetricMape(actual, forecast.Points);
            _mae += mae;
            _rmse += AccuracyMeasures.RootMeanSquaredError(actual, forecast.Points);
            for (var j = 0; j < _covered.Length; j++)
            {
                var interval = forecast.Intervals[j];
                _covered[j] += AccuracyMeasures.Coverage(actual, interval.Lower, interval.Upper) * actual.Length;
            }
            _origins++;
            _steps += actual.Length;
        }

        public MethodScore Score(ForecastMethodKind method, IReadOnlyList<double> levels, ScoreAccumulator? baseline)
        {
            var coverage = levels.Select((level, j) => new IntervalCoverage(level, _covered[j] / _steps)).ToList();
            return new MethodScore(
                method,
                MeanMase,
                MeanSmape,
                _mae / _origins,
                _rmse / _origins,
                baseline is null ? null : Relative(MeanMase, baseline.MeanMase),
                baseline is null ? null : Relative(MeanSmape, baseline.MeanSmape),
                coverage);
        }

        private static double Relative(double value, double baseline) =>
            baseline > 0 ? value / baseline : value == 0 ? 1 : double.PositiveInfinity;
    }
}
