namespace Qonys.Web.Modules.Forecasts;

/// <summary>Forecasts of monthly flows with back-tests (PRODUCT.md §2.7): the API and the analyst page /analytics/forecasts.</summary>
public static class ForecastsModule
{
    public const string ForecastsRead = "forecasts.read";

    public static void AddForecastsModule(this IServiceCollection services)
    {
        Permissions.Grant(ForecastsRead, Roles.Analyst, Roles.Administrator);
        services.AddScoped<ForecastSeriesCatalogue>();
        services.AddScoped<SeriesForecasting>();
    }

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
