using Microsoft.AspNetCore.Http.HttpResults;
using Qonys.Web.Modules.AnalyticalCentre.Figures;
using Qonys.Web.Platform.OpenApi;
using static Qonys.Web.Modules.AnalyticalCentre.AnalyticalCentreModule;

namespace Qonys.Web.Modules.AnalyticalCentre;

/// <summary>The analytical centre's core figures (docs/api.md "Analytics"); every list also answers text/csv.</summary>
internal static class AnalyticsEndpoints
{
    const string AlsoCsv = "Answers text/csv (a header row, then the rows) when the request accepts it.";

    public static void MapAnalyticsApi(this IEndpointRouteBuilder app)
    {
        var analytics = app.MapGroup("/api/v1/analytics")
            .WithTag("Analytics", "Published figures on foreign labour: workers, employers and offences on a date.");
        analytics.MapGet("/foreign-workers", ForeignWorkers).WithName("CountForeignWorkers")
            .RequireAuthorization(ForeignWorkersRead).WithDescription(AlsoCsv).ProducesFile("text/csv")
            .WithSummary("Foreign workers holding a valid employer permit on a date, optionally by category, " +
                         "citizenship, okedSection or region.");
        analytics.MapGet("/household-workers", HouseholdWorkers).WithName("CountHouseholdWorkers")
            .RequireAuthorization(HouseholdWorkersRead).WithDescription(AlsoCsv).ProducesFile("text/csv")
            .WithSummary("Household labour immigrants holding a valid household permit on a date, optionally by " +
                         "citizenship or region.");
        analytics.MapGet("/employers-using-foreign-labour", Employers).WithName("CountEmployersUsingForeignLabour")
            .RequireAuthorization(EmployersRead).WithDescription(AlsoCsv).ProducesFile("text/csv")
            .WithSummary("Employers with at least one foreign worker holding a valid permit on a date.");
        analytics.MapGet("/offences", Offences).WithName("CountOffences")
            .RequireAuthorization(OffencesRead).WithDescription(AlsoCsv).ProducesFile("text/csv")
            .WithSummary("Offences committed in a period with fines imposed and collected, optionally by region, " +
                         "article or offenderType.");
    }

    static async Task<Results<Results<Ok<WorkersOnDateResponse>, ContentHttpResult>, ValidationProblem>> ForeignWorkers(
        string? date, string? by, HttpContext http, Actor actor, AnalyticsQueries q, CancellationToken ct) =>
        (await q.ForeignWorkersAsync(actor, date, by, ct)).ToHttp(r => Answer(http, r, r.ToCsv()), Refusals.Invalid);

    static async Task<Results<Results<Ok<WorkersOnDateResponse>, ContentHttpResult>, ValidationProblem>>
        HouseholdWorkers(string? date, string? by, HttpContext http, Actor actor, AnalyticsQueries q,
            CancellationToken ct) =>
        (await q.HouseholdWorkersAsync(actor, date, by, ct)).ToHttp(r => Answer(http, r, r.ToCsv()), Refusals.Invalid);

    static async Task<Results<Results<Ok<EmployersUsingForeignLabourResponse>, ContentHttpResult>, ValidationProblem>>
        Employers(string? date, HttpContext http, Actor actor, AnalyticsQueries q, CancellationToken ct) =>
        (await q.EmployersUsingForeignLabourAsync(actor, date, ct))
            .ToHttp(r => Answer(http, r, r.ToCsv()), Refusals.Invalid);

    static async Task<Results<Results<Ok<OffencesResponse>, ContentHttpResult>, ValidationProblem>> Offences(
        string? from, string? to, string? by, HttpContext http, Actor actor, AnalyticsQueries q,
        CancellationToken ct) =>
        (await q.OffencesAsync(actor, from, to, by, ct)).ToHttp(r => Answer(http, r, r.ToCsv()), Refusals.Invalid);

    /// <summary>JSON, or CSV (header row and rows) when the caller accepts text/csv.</summary>
    static Results<Ok<T>, ContentHttpResult> Answer<T>(HttpContext http, T value, string csv) =>
        http.Request.GetTypedHeaders().Accept
            .Any(a => a.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase))
            ? TypedResults.Text(csv, "text/csv; charset=utf-8")
            : TypedResults.Ok(value);
}
