using Qonys.Engines.Forecasting;

namespace Qonys.Web.Modules.AnalyticalCentre.Forecasts;

/// <summary>
/// How a series of a given length is back-tested; null <see cref="Backtest"/> when it is too short for any origin.
/// </summary>
internal sealed record ForecastPlan(
    BacktestOptions? Backtest, IReadOnlyList<IForecastMethod> Methods, ForecastMethodKind Baseline);

/// <summary>
/// The back-test design by series length (monthly, m = 12), so that short series still get scores:
/// <list type="bullet">
/// <item>48 months or more: the engine's monthly default, h = 12 from 36 training months, step 1; baseline seasonal
/// naive;</item>
/// <item>17 … 47 months: training from 12 months (seasonal naive needs a year), h = min(12, n − 14), so at least 3
/// origins; baseline seasonal naive;</item>
/// <item>8 … 16 months (the 2024 regional arrivals have 12): seasonal naive cannot be fitted, so it is left out; h = 3
/// from max(4, n − 6) training months (4 origins for 12 months); baseline naive;</item>
/// <item>fewer than 8 months: no back-test; the engine's fallback method (combination, or naive below 4 values).</item>
/// </list>
/// </summary>
internal static class ForecastDesign
{
    public static readonly IReadOnlyList<double> Levels = [0.8, 0.95];

    public static ForecastPlan For(int length)
    {
        var all = ForecastMethods.Standard();
        if (length >= 48)
            return new ForecastPlan(new BacktestOptions(12, 36, 1, Levels), all, ForecastMethodKind.SeasonalNaive);
        if (length >= 17)
        {
            return new ForecastPlan(new BacktestOptions(Math.Min(12, length - 14), 12, 1, Levels), all,
                ForecastMethodKind.SeasonalNaive);
        }
        var withoutSeasonal = all.Where(m => m.Kind != ForecastMethodKind.SeasonalNaive).ToList();
        if (length >= 8)
        {
            return new ForecastPlan(new BacktestOptions(3, Math.Max(4, length - 6), 1, Levels), withoutSeasonal,
                ForecastMethodKind.Naive);
        }
        return new ForecastPlan(null, all, ForecastMethodKind.SeasonalNaive);
    }
}
