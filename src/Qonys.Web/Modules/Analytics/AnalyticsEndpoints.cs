using static Qonys.Web.Modules.Analytics.AnalyticsModule;

namespace Qonys.Web.Modules.Analytics;

/// <summary>The analytical centre's core figures, /api/v1/analytics/… (JSON, or CSV for Accept: text/csv).</summary>
public static class AnalyticsEndpoints
{
    public static void MapAnalyticsApi(this IEndpointRouteBuilder app)
    {
        var analytics = app.MapGroup("/api/v1/analytics").WithTags("Analytics");
        analytics.MapGet("/foreign-workers", async (string? date, string? by, HttpContext http, AnalyticsQueries q, CancellationToken ct) =>
                (await q.ForeignWorkersAsync(Actor.From(http.User), date, by, ct)).ToHttp(r => Answer(http, r, r.ToCsv())))
            .RequireAuthorization(ForeignWorkersRead)
            .WithSummary("Foreign workers holding a valid employer permit on a date, optionally by category, citizenship, okedSection or region.");
        analytics.MapGet("/household-workers", async (string? date, string? by, HttpContext http, AnalyticsQueries q, CancellationToken ct) =>
                (await q.HouseholdWorkersAsync(Actor.From(http.User), date, by, ct)).ToHttp(r => Answer(http, r, r.ToCsv())))
            .RequireAuthorization(HouseholdWorkersRead)
            .WithSummary("Household labour immigrants holding a valid household permit on a date, optionally by citizenship or region.");
        analytics.MapGet("/employers-using-foreign-labour", async (string? date, HttpContext http, AnalyticsQueries q, CancellationToken ct) =>
                (await q.EmployersUsingForeignLabourAsync(Actor.From(http.User), date, ct)).ToHttp(r => Answer(http, r, r.ToCsv())))
            .RequireAuthorization(EmployersRead)
            .WithSummary("Employers with at least one foreign worker holding a valid permit on a date.");
        analytics.MapGet("/offences", async (string? from, string? to, string? by, HttpContext http, AnalyticsQueries q, CancellationToken ct) =>
                (await q.OffencesAsync(Actor.From(http.User), from, to, by, ct)).ToHttp(r => Answer(http, r, r.ToCsv())))
            .RequireAuthorization(OffencesRead)
            .WithSummary("Offences committed in a period with fines imposed and collected, optionally by region, article or offenderType.");
    }

    /// <summary>JSON, or CSV (header row and rows) when the caller accepts text/csv.</summary>
    static IResult Answer<T>(HttpContext http, T value, string csv) =>
        http.Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase))
            ? TypedResults.Text(csv, "text/csv; charset=utf-8")
            : TypedResults.Ok(value);
}
