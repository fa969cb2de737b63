using System.Text.Json;
using Qonys.Engines.Forecasting;

namespace Qonys.Web.Modules.AnalyticalCentre.Forecasts;

/// <summary>
/// Forecasts one catalogue series: back-tests every method of the <see cref="ForecastDesign"/> plan on rolling origins,
/// chooses the method by mean MASE (ties: sMAPE, then the simpler method), refits it on the whole series and forecasts
/// the horizon with 80 % and 95 % intervals. Scores relative to the baseline are the method's mean over the baseline's.
/// </summary>
internal sealed class SeriesForecasting(ForecastSeriesCatalogue catalogue)
{
    public const int MaxHorizon = 36;

    public async Task<UseCaseResult<ForecastResponse>> ForecastAsync(string key, int? horizon, CancellationToken ct)
    {
        var h = horizon ?? 12;
        if (h < 1 || h > MaxHorizon)
            return UseCaseResult<ForecastResponse>.Invalid("horizon", $"must be between 1 and {MaxHorizon} months");
        var loaded = await catalogue.LoadAsync(key, ct);
        if (loaded is null) return UseCaseResult<ForecastResponse>.NotFound();
        if (loaded.Series is not { Length: >= 2 } series)
            return UseCaseResult<ForecastResponse>.Refused("series_too_short",
                $"the series '{key}' has {loaded.Series?.Length ?? 0} complete months; "
                + "at least 2 are needed for a forecast");
        return UseCaseResult<ForecastResponse>.Ok(Forecast(loaded.Info, series, h));
    }

    public static ForecastResponse Forecast(SeriesInfo info, MonthlySeries series, int horizon)
    {
        var plan = ForecastDesign.For(series.Length);
        var backtest = plan.Backtest is { } options ? RollingOriginBacktest.Run(series, options, plan.Methods) : null;
        var chosen = backtest?.Chosen ?? BatchForecaster.FallbackMethod(series.Length);
        var forecast = plan.Methods.First(m => m.Kind == chosen).Fit(series).Forecast(horizon, ForecastDesign.Levels);
        var i80 = forecast.IntervalAt(0.8);
        var i95 = forecast.IntervalAt(0.95);
        var points = forecast.Points.Select((p, k) => new ForecastPoint(
            ForecastSeriesCatalogue.Period(series, series.Length + k), Round(p), Round(i80.Lower[k]),
            Round(i80.Upper[k]), Round(i95.Lower[k]), Round(i95.Upper[k]))).ToList();
        var history = series.Values
            .Select((v, k) => new ObservedPoint(ForecastSeriesCatalogue.Period(series, k), v)).ToList();
        BacktestResponse? scores = null;
        var summary = $"{Name(chosen)}: no back-test (the series has {series.Length} months)";
        if (backtest is not null)
        {
            var baseline = backtest.Scores.First(s => s.Method == plan.Baseline);
            scores = new BacktestResponse(backtest.OriginCount, plan.Backtest!.Horizon,
                plan.Backtest.MinimumTrainingLength, Name(plan.Baseline),
                backtest.Scores.Select(s => new MethodScoreResponse(Name(s.Method), Finite(s.MeanMase),
                    Finite(s.MeanSmape), Finite(s.MeanMae), Finite(s.MeanRmse), Ratio(s.MeanMase, baseline.MeanMase),
                    Ratio(s.MeanSmape, baseline.MeanSmape),
                    Coverage(s, 0.8), Coverage(s, 0.95), s.Method == chosen)).ToList());
            var best = backtest.ChosenScore;
            summary = $"{Name(chosen)} chosen: MASE {best.MeanMase:0.00} vs "
                      + $"{Name(plan.Baseline)} {baseline.MeanMase:0.00}";
        }
        return new ForecastResponse(info.Key, info.Title, info.Unit, history, Name(chosen), summary, scores,
            JsonNamingPolicy.SnakeCaseLower.ConvertName(forecast.IntervalBasis.ToString()), points);
    }

    public static string Name(ForecastMethodKind kind) => JsonNamingPolicy.SnakeCaseLower.ConvertName(kind.ToString());

    static double Round(double v) => Math.Round(v, 2, MidpointRounding.AwayFromZero);

    static double? Finite(double v) => double.IsFinite(v) ? Math.Round(v, 4, MidpointRounding.AwayFromZero) : null;

    /// <summary>Method ÷ baseline: 1 when both are 0, null when only the baseline is 0 (no finite ratio).</summary>
    public static double? Ratio(double method, double baseline)
    {
        if (!double.IsFinite(method) || !double.IsFinite(baseline)) return null;
        if (baseline == 0) return method == 0 ? 1 : null;
        return Math.Round(method / baseline, 4, MidpointRounding.AwayFromZero);
    }

    static double? Coverage(MethodScore s, double level) =>
        s.Coverage.FirstOrDefault(c => Math.Abs(c.Level - level) < 1e-9) is { } c ? Finite(c.Coverage) : null;
}
