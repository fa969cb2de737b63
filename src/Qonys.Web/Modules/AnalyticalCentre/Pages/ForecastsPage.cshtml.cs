using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Qonys.Web.Modules.AnalyticalCentre.Forecasts;

namespace Qonys.Web.Modules.AnalyticalCentre.Pages;

/// <summary>
/// /analytics/forecasts: pick a series and a horizon; the chart shows history, forecast and 80/95 % intervals, the
/// table every method's back-test.
/// </summary>
[Authorize(Policy = AnalyticalCentreModule.ForecastsRead)]
internal sealed class ForecastsPageModel(ForecastSeriesCatalogue catalogue, SeriesForecasting forecasting) : PageModel
{
    public IReadOnlyList<SeriesInfo> Series { get; private set; } = [];
    public string SelectedKey { get; private set; } = "";
    public int Horizon { get; private set; } = 12;
    public ForecastResponse? Result { get; private set; }
    public string? Problem { get; private set; }
    public string ChartData { get; private set; } = "null";

    public async Task OnGetAsync(string? series, int? horizon, CancellationToken ct)
    {
        Series = await catalogue.ListAsync(ct);
        SelectedKey = series
                      ?? Series.FirstOrDefault(s => s.Length >= 2)?.Key
                      ?? ForecastSeriesCatalogue.ArrivalsPrefix + "KZ";
        Horizon = horizon ?? 12;
        var result = await forecasting.ForecastAsync(SelectedKey, Horizon, ct);
        if (result.Succeeded)
        {
            Result = result.Value;
            ChartData = JsonSerializer.Serialize(Result, new JsonSerializerOptions(JsonSerializerDefaults.Web));
        }
        else
        {
            Problem = result.Detail ?? string.Join("; ",
                result.Errors?.ToDictionary().SelectMany(e => e.Value.Select(v => e.Key + " " + v)) ?? []);
        }
    }
}
