namespace Qonys.IntegrationTests.Platform;

/// <summary>
/// Who may call each route of the app, as data: written by hand from docs/api.md (source "docs") and, where it is
/// more precise, from spec/API.md ("spec"); where both are silent (pages, "scoped" routes, sign-out) from what the code
/// does today ("code"). A row whose documented rule the code does not follow today says so in <see cref="Row.Today"/>
/// (the roles the code lets in) and <see cref="Row.Disagreement"/>; the test checks today's behaviour, so the row
/// changes with the access rule, never silently.
/// </summary>
static class AccessTable
{
    public const string Public = "public";
    public const string SignedIn = "signed-in";

    /// <summary>
    /// <paramref name="Route"/> is "METHOD pattern" as the endpoint data source names it ("*" for Razor Pages);
    /// <paramref name="Who"/> is <see cref="Public"/>, <see cref="SignedIn"/> (any role) or role names separated by spaces.
    /// </summary>
    public sealed record Row(string Route, string Who, string Source, string? Today = null, string? Disagreement = null)
    {
        public string Method => Route[..Route.IndexOf(' ', StringComparison.Ordinal)];
        public string Pattern => Route[(Route.IndexOf(' ', StringComparison.Ordinal) + 1)..];

        /// <summary>The rule the code follows today: the documented one unless the row records a disagreement.</summary>
        public string Effective => Today ?? Who;
    }

    const string People = "Administrator Analyst Auditor Officer Inspector Employer Applicant Migrant HouseholdEmployer";
    const string NotForMachines = "signed-in people only: the code refuses the integration client";

    public static readonly IReadOnlyList<Row> Rows =
    [
        // Platform
        new("* /health/live", Public, "docs"), // MapHealthChecks answers any method
        new("* /health/ready", Public, "docs"),
        new("GET /openapi/{documentName}.json", Public, "code"),
        new("POST /api/v1/auth/token", Public, "docs"),
        new("POST /logout", SignedIn, "code"),
        new("GET /api/v1/reference/regions", Public, "docs"),
        new("GET /api/v1/reference/countries", Public, "docs"),
        new("GET /api/v1/reference/oked-sections", Public, "docs"),
        new("GET /api/v1/reference/occupations", Public, "docs"),
        new("GET /api/v1/reference/calendar/{year:int}", Public, "docs"),
        new("GET /api/v1/reference/rule-values", Public, "docs"),
        new("GET /api/v1/reference/mci/{year:int}", Public, "docs"),
        new("GET /api/v1/reference/permit-fees", Public, "docs"),
        new("POST /api/v1/reference/rule-values", "Administrator", "docs"),
        new("GET /api/v1/audit/entries", "Auditor", "docs"),
        new("POST /api/v1/audit/verify", "Auditor", "docs"),
        new("GET /api/v1/imports", "Administrator", "docs"),
        new("GET /api/v1/notifications", SignedIn, "docs", People, NotForMachines),
        new("GET /api/v1/notifications/unread-count", SignedIn, "docs", People, NotForMachines),
        new("POST /api/v1/notifications/{id:guid}/read", SignedIn, "docs", People, NotForMachines),

        // Registry
        new("POST /api/v1/employers", "Administrator Officer Employer", "docs"),
        new("GET /api/v1/employers/{bin}", "Administrator Analyst Officer Inspector Employer", "docs"),

        // Work permits and quotas
        new("POST /api/v1/permit-applications/preview", "Employer Officer Administrator", "docs"),
        new("POST /api/v1/permit-applications", "Employer Officer Administrator", "docs"),
        new("GET /api/v1/permit-applications", "Employer Officer Inspector Administrator", "code"), // docs: "scoped"
        new("GET /api/v1/permit-applications/{id:guid}", "Employer Officer Inspector Administrator", "code"), // docs: "scoped"
        new("POST /api/v1/permit-applications/{id:guid}/approve", "Officer Administrator", "docs"),
        new("POST /api/v1/permit-applications/{id:guid}/reject", "Officer Administrator", "docs"),
        new("POST /api/v1/permit-applications/{id:guid}/withdraw", "Employer Administrator", "docs"),
        new("POST /api/v1/permit-applications/{id:guid}/pay-fee", "Employer Administrator", "docs"),
        new("GET /api/v1/permits", "Employer Officer Inspector Administrator Analyst", "code"), // docs: "scoped"
        new("GET /api/v1/permits/{number}", "Employer Officer Inspector Administrator Analyst", "code"),
        new("GET /api/v1/permits/{number}/certificate.pdf", "Employer Officer Inspector Administrator Analyst", "code"),
        new("GET /api/v1/permits/requests", "Employer Officer Inspector Administrator Analyst", "code"),
        new("POST /api/v1/permits/{number}/extension-requests", "Employer", "docs", "Employer Administrator",
            "the docs name only the Employer; the code also lets the Administrator request"),
        new("GET /api/v1/permits/{number}/extension-requests/{id:guid}", "Employer Officer Inspector Administrator Analyst", "code"),
        new("POST /api/v1/permits/{number}/extension-requests/{id:guid}/approve", "Officer", "docs", "Officer Administrator",
            "the docs name only the Officer; the code also lets the Administrator decide"),
        new("POST /api/v1/permits/{number}/extension-requests/{id:guid}/reject", "Officer", "docs", "Officer Administrator",
            "the docs name only the Officer; the code also lets the Administrator decide"),
        new("POST /api/v1/permits/{number}/replacement", "Employer", "docs", "Employer Administrator",
            "the docs name only the Employer; the code also lets the Administrator request"),
        new("GET /api/v1/permits/{number}/replacement/{id:guid}", "Employer Officer Inspector Administrator Analyst", "code"),
        new("POST /api/v1/permits/{number}/replacement/{id:guid}/approve", "Officer", "docs", "Officer Administrator",
            "the docs name only the Officer; the code also lets the Administrator decide"),
        new("POST /api/v1/permits/{number}/replacement/{id:guid}/reject", "Officer", "docs", "Officer Administrator",
            "the docs name only the Officer; the code also lets the Administrator decide"),
        new("POST /api/v1/permits/{number}/revoke", "Officer Administrator", "docs"),
        new("GET /api/v1/public/permits/{number}/verify", Public, "docs"),
        new("POST /api/v1/household-permits", "HouseholdEmployer Administrator", "docs"),
        new("GET /api/v1/household-permits", "HouseholdEmployer Administrator", "docs", "HouseholdEmployer Migrant Officer Inspector Administrator Analyst",
            "the docs name the household employer and the Administrator; the code also lets the Migrant, Officer, Inspector and Analyst read"),
        new("GET /api/v1/household-permits/{number}", "HouseholdEmployer Administrator", "docs", "HouseholdEmployer Migrant Officer Inspector Administrator Analyst",
            "the docs name the household employer and the Administrator; the code also lets the Migrant, Officer, Inspector and Analyst read"),
        new("POST /api/v1/household-permits/{number}/employer-change", "HouseholdEmployer Administrator", "docs", "HouseholdEmployer Migrant Administrator",
            "the docs name the household employer and the Administrator; the code also lets the Migrant report the change"),
        new("GET /api/v1/quotas", "Employer Officer Inspector Analyst Administrator", "docs"),
        new("PUT /api/v1/quotas/{year:int}/{regionCode}/{category}", "Administrator", "docs"),

        // Analytics
        new("GET /api/v1/analytics/foreign-workers", "Analyst Administrator Officer", "docs"),
        new("GET /api/v1/analytics/household-workers", "Analyst Administrator Officer", "docs"),
        new("GET /api/v1/analytics/employers-using-foreign-labour", "Analyst Administrator Officer", "docs"),
        new("GET /api/v1/analytics/offences", "Analyst Administrator Officer Inspector", "docs"),

        // Scoring and the skilled-migrant pool
        new("GET /api/v1/scorecards", SignedIn, "docs", People, NotForMachines),
        new("GET /api/v1/scorecards/{key}", SignedIn, "docs", People, NotForMachines),
        new("GET /api/v1/scorecards/{key}/versions/{version:int}", SignedIn, "docs", People, NotForMachines),
        new("POST /api/v1/scorecards/{key}/drafts", "Administrator", "docs"),
        new("PUT /api/v1/scorecards/{key}/drafts/{version:int}", "Administrator", "docs"),
        new("POST /api/v1/scorecards/{key}/drafts/{version:int}/publish", "Administrator", "docs"),
        new("POST /api/v1/scorecards/{key}/drafts/{version:int}/what-if", "Administrator Analyst", "docs"),
        new("POST /api/v1/candidates", "Migrant Officer Administrator", "docs"),
        new("GET /api/v1/candidates", "Migrant Officer Administrator", "docs"),
        new("GET /api/v1/candidates/{id:guid}", "Migrant Officer Administrator", "docs"),
        new("GET /api/v1/candidates/{id:guid}/score", "Migrant Officer Administrator", "docs"),
        new("POST /api/v1/selection/rounds", "Administrator", "docs"),
        // Invitation rounds publish their cut-off scores (PRODUCT.md §2.4); the invitation lists stay administrators' only.
        new("GET /api/v1/selection/rounds", Public, "docs"),
        new("GET /api/v1/selection/rounds/{id:guid}", Public, "docs"),
        new("GET /api/v1/ata-zholy/lists", SignedIn, "docs", People, NotForMachines),
        new("POST /api/v1/ata-zholy/eligibility", SignedIn, "docs", People, NotForMachines),
        new("POST /api/v1/ata-zholy/applications", SignedIn, "docs", "Migrant Officer Administrator",
            "the docs say signed-in users; the code lets only the Migrant, Officer and Administrator apply"),
        new("GET /api/v1/ata-zholy/applications/{id:guid}", SignedIn, "docs", "Migrant Officer Administrator",
            "the docs say signed-in users; the code lets only the Migrant, Officer and Administrator read applications"),

        // Analytical centre
        new("POST /api/v1/demography/projections", "Analyst Administrator", "docs"),
        new("GET /api/v1/demography/projections", "Analyst Administrator", "docs"),
        new("GET /api/v1/demography/projections/{id:guid}", "Analyst Administrator", "docs"),
        new("GET /api/v1/demography/projections/{id:guid}/pyramid", "Analyst Administrator", "docs"),
        new("GET /api/v1/demography/projections/{id:guid}/export.csv", "Analyst Administrator", "docs"),
        new("GET /api/v1/demography/projections/{id:guid}/export.xlsx", "Analyst Administrator", "docs"),
        new("POST /api/v1/demography/projections/{id:guid}/cancel", "Analyst Administrator", "docs"),
        new("GET /api/v1/demography/scenarios", "Analyst Administrator", "docs"),
        new("POST /api/v1/demography/scenarios", "Analyst Administrator", "docs"),
        new("GET /api/v1/demography/scenarios/{key}", "Analyst Administrator", "docs"),
        new("GET /api/v1/demography/labour-deficit-index", "Analyst Administrator", "docs"),
        new("GET /api/v1/demography/labour-deficit-index/export.csv", "Analyst Administrator", "docs"),
        new("GET /api/v1/demography/labour-deficit-index/export.xlsx", "Analyst Administrator", "docs"),
        new("GET /api/v1/forecasts/series", "Analyst Administrator", "docs"),
        new("GET /api/v1/forecasts/{seriesKey}", "Analyst Administrator", "docs"),

        // Pages (the docs list none; the permission each page requires)
        new("* /", Public, "code"),
        new("* /login", Public, "code"),
        new("* /forbidden", Public, "code"),
        new("* /api-docs", Public, "code"),
        new("* /verify/{number?}", Public, "spec"), // API.md: the public permit check the QR code points to
        new("* /notifications", SignedIn, "code"),
        new("* /audit", "Auditor", "code"),
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
