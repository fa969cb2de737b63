namespace Qonys.Web.Modules.AnalyticalCentre.Forecasts;

internal sealed record SeriesInfo(
    string Key, string Title, string Unit, string Source, string? Start, string? End, int Length);

internal sealed record ObservedPoint(string Period, double Value);

internal sealed record MethodScoreResponse(
    string Method, double? Mase, double? Smape, double? Mae, double? Rmse, double? RelativeMase, double? RelativeSmape,
    double? Coverage80, double? Coverage95, bool Chosen);

internal sealed record BacktestResponse(
    int Origins, int Horizon, int FirstTrainingLength, string Baseline, IReadOnlyList<MethodScoreResponse> Scores);

internal sealed record ForecastPoint(
    string Period, double Point, double Lower80, double Upper80, double Lower95, double Upper95);

internal sealed record ForecastResponse(
    string SeriesKey, string Title, string Unit, IReadOnlyList<ObservedPoint> History, string Method, string Summary,
    BacktestResponse? Backtest, string IntervalBasis, IReadOnlyList<ForecastPoint> Forecast);
