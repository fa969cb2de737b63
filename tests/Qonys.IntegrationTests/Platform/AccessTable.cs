namespace Qonys.IntegrationTests.Platform;

/// <summary>
/// Who may call each route that is not an operation of the OpenAPI document (pages, health, the document itself,
/// sign-out), as data: from docs/api.md (source "docs"), spec/API.md ("spec") or, where both are silent, what the
/// code does ("code"). The API's routes are not here: the sweep takes them from the OpenAPI document and who may call
/// each from docs/api.md's generated table (<see cref="WhoMayCallIt"/>).
/// </summary>
static class AccessTable
{
    public const string Public = "public";
    public const string SignedIn = "signed-in";

    /// <summary>
    /// <paramref name="Route"/> is "METHOD pattern" as the endpoint data source names it ("*" for Razor Pages);
    /// <paramref name="Who"/> is <see cref="Public"/>, <see cref="SignedIn"/> (any role) or role names separated by spaces.
    /// </summary>
    public sealed record Row(string Route, string Who, string Source)
    {
        public string Method => Route[..Route.IndexOf(' ', StringComparison.Ordinal)];
        public string Pattern => Route[(Route.IndexOf(' ', StringComparison.Ordinal) + 1)..];
    }

    const string People = "Administrator Analyst Auditor Officer Inspector Employer Applicant Migrant HouseholdEmployer";

    public static readonly IReadOnlyList<Row> Rows =
    [
        // Platform
        new("* /health/live", Public, "docs"), // MapHealthChecks answers any method
        new("* /health/ready", Public, "docs"),
        new("GET /openapi/{documentName}.json", Public, "code"),
        new("POST /logout", SignedIn, "code"),

        // Pages (the docs list none; the permission each page requires)
        new("* /", Public, "code"),
        new("* /login", Public, "code"),
        new("* /forbidden", Public, "code"),
        new("* /api-docs", Public, "code"),
        new("* /verify/{number?}", Public, "spec"), // API.md: the public permit check the QR code points to
        new("* /notifications", SignedIn, "code"),
        new("* /notifications/preferences", SignedIn, "code"),
        new("* /support/{kind}/{id}", "Employer Officer Inspector Administrator", "code"),
        new("* /audit", "Auditor", "code"),
        new("* /integration/outbox", "Administrator", "code"),
        new("* /integration/dead-letters", "Administrator", "code"),
        new("* /imports", "Administrator", "code"),
        new("* /analytics/foreign-workers", "Analyst Administrator Officer", "code"),
        new("* /analytics/labour-deficit", "Analyst Administrator", "code"),
        new("* /analytics/projections", "Analyst Administrator", "code"),
        new("* /analytics/scenarios", "Analyst Administrator", "code"),
        new("* /analytics/forecasts", "Analyst Administrator", "code"),
        new("* /permits", "Employer Officer Inspector Administrator", "code"),
        new("* /permits/apply", "Employer Officer Administrator", "code"),
        new("* /permits/applications/{id:guid}", "Employer Officer Inspector Administrator", "code"),
        new("* /permits/queue", "Officer Administrator", "code"),
        new("* /quotas", "Employer Officer Inspector Analyst Administrator", "code"),
        new("* /selection/rounds", People, "code"),
        new("* /selection/scorecards/{key?}", People, "code"),
        new("* /selection/scorecards/{key}/drafts/{version:int}", "Administrator", "code"),
        new("* /selection/profile/{id:guid?}", "Migrant Officer Administrator", "code"),
    ];
}
