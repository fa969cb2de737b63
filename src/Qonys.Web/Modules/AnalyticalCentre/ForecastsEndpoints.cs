using Microsoft.AspNetCore.Http.HttpResults;
using Qonys.Web.Modules.AnalyticalCentre.Forecasts;
using Qonys.Web.Platform.OpenApi;

namespace Qonys.Web.Modules.AnalyticalCentre;

/// <summary>Forecasts of monthly flows with back-tests (docs/api.md "Analytical centre").</summary>
internal static class ForecastsEndpoints
{
    /// <summary>The series that can be forecast.</summary>
    public sealed record SeriesList(IReadOnlyList<SeriesInfo> Items);

    public static void MapForecastsApi(this IEndpointRouteBuilder app)
    {
        var forecasts = app.MapGroup("/api/v1/forecasts")
            .WithTag("Forecasts", "Forecasts of monthly flows (permits, new workers, arrivals) with their back-tests.")
            .RequireAuthorization(AnalyticalCentreModule.ForecastsRead);
        forecasts.MapGet("/series", ListSeries).WithName("ListForecastSeries")
            .WithSummary("The monthly series available: permits issued, new foreign workers, arrivals from other " +
                         "regions.");
        forecasts.MapGet("/{seriesKey}", Forecast).WithName("ForecastSeries")
            .WithSummary("The chosen method with every method's back-test scores (MASE, sMAPE, relative to the " +
                         "baseline), point forecasts and 80 %/95 % intervals for 1 … 36 months.");
    }

    static async Task<Ok<SeriesList>> ListSeries(ForecastSeriesCatalogue catalogue, CancellationToken ct) =>
        TypedResults.Ok(new SeriesList(await catalogue.ListAsync(ct)));

    static async Task<Results<Ok<ForecastResponse>, ValidationProblem, NotFoundProblem, RuleProblem>> Forecast(
        string seriesKey, int? horizon, SeriesForecasting forecasting, CancellationToken ct) =>
        (await forecasting.ForecastAsync(seriesKey, horizon, ct))
            .ToOk(Refusals.Invalid, Refusals.NotFound, Refusals.Rule);
}
