using static Qonys.Web.Modules.Forecasts.ForecastsModule;

namespace Qonys.Web.Modules.Forecasts;

/// <summary>The forecasts API, /api/v1/forecasts.</summary>
public static class ForecastsEndpoints
{
    public static void MapForecastsApi(this IEndpointRouteBuilder app)
    {
        var forecasts = app.MapGroup("/api/v1/forecasts").WithTags("Forecasts").RequireAuthorization(ForecastsRead);
        forecasts.MapGet("/series", async (ForecastSeriesCatalogue catalogue, CancellationToken ct) =>
                TypedResults.Ok(new { items = await catalogue.ListAsync(ct) }))
            .WithSummary("The monthly series available: permits issued, new foreign workers, arrivals from other regions.");
        forecasts.MapGet("/{seriesKey}", async (string seriesKey, int? horizon, SeriesForecasting forecasting, CancellationToken ct) =>
                (await forecasting.ForecastAsync(seriesKey, horizon, ct)).ToHttp())
            .WithSummary("The chosen method with every method's back-test scores (MASE, sMAPE, relative to the baseline), " +
                         "point forecasts and 80 %/95 % intervals for 1 … 36 months.");
    }
}
