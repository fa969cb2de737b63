using System.Text.Json;
using Qonys.Web.Modules.Selection.AtaZholy;
using Qonys.Web.Modules.Selection.Candidates;
using Qonys.Web.Modules.Selection.Data;
using Qonys.Web.Modules.Selection.Rounds;
using Qonys.Web.Modules.Selection.Scorecards;
using Qonys.Web.Platform.Auth;
using Qonys.Web.Platform.Hosting;
using Qonys.Web.Platform.Idempotency;
using Qonys.Web.Platform.Ui;

namespace Qonys.Web.Modules.Selection;

/// <summary>Skilled-migrant selection on the scorecard engine: stored scorecards, the candidate pool, invitation rounds,
/// what-if of drafts, and the Ata Zholy card (PRODUCT.md §2.4; docs/scoring.md "Web and API").</summary>
public static class SelectionModule
{
    public const string ScorecardsRead = "selection.scorecards.read";
    public const string ScorecardsEdit = "selection.scorecards.edit";
    public const string ScorecardsPublish = "selection.scorecards.publish";
    public const string WhatIfRun = "selection.what_if.run";
    public const string CandidatesRegister = "selection.candidates.register";
    public const string CandidatesRead = "selection.candidates.read";
    public const string RoundsRun = "selection.rounds.run";
    public const string AtaZholyApply = "selection.ata_zholy.apply";

    public static void AddSelectionModule(this IServiceCollection services)
    {
        Permissions.Grant(ScorecardsRead, Roles.All.Where(r => r != Roles.IntegrationClient).ToArray());
        Permissions.Grant(ScorecardsEdit, Roles.Administrator);
        Permissions.Grant(ScorecardsPublish, Roles.Administrator);
        Permissions.Grant(WhatIfRun, Roles.Administrator, Roles.Analyst);
        // Migrants register their own profile; officers (acting as the registering agency) and administrators register others.
        Permissions.Grant(CandidatesRegister, Roles.Migrant, Roles.Officer, Roles.Administrator);
        Permissions.Grant(CandidatesRead, Roles.Migrant, Roles.Officer, Roles.Administrator);
        Permissions.Grant(RoundsRun, Roles.Administrator);
        Permissions.Grant(AtaZholyApply, Roles.Migrant, Roles.Officer, Roles.Administrator);
        Navigation.Add(new Navigation.Item("/selection/profile", "nav.selection.profile", CandidatesRegister));
        Navigation.Add(new Navigation.Item("/selection/scorecards", "nav.selection.scorecards", ScorecardsRead));
        Navigation.Add(new Navigation.Item("/selection/rounds", "nav.selection.rounds", ScorecardsRead));
        services.AddScoped<CandidatePool>();
        services.AddScoped<ScorecardBook>();
        services.AddScoped<ScorecardEditing>();
        services.AddScoped<WhatIf>();
        services.AddScoped<RoundOrders>();
        services.AddScoped<RunRound>();
        services.AddScoped<RoundQueries>();
        services.AddScoped<CandidateProfiles>();
        services.AddScoped<AtaZholyCards>();
        services.AddScoped<SelectionReference>();
        services.AddScoped<Platform.Demo.IDemoDataContributor, Demo.SelectionDemoPool>();
        services.AddHostedService<SelectionReferenceLoading>();
    }

    public static void MapSelectionApi(this IEndpointRouteBuilder app)
    {
        var scorecards = app.MapGroup("/api/v1/scorecards").WithTags("Scorecards");
        scorecards.MapGet("", async (HttpContext http, ScorecardBook book, CancellationToken ct) =>
                TypedResults.Ok(await book.ListAsync(Actor.From(http.User), ct)))
            .RequireAuthorization(ScorecardsRead).WithSummary("Every scorecard with its published version and the versions you may see.");
        scorecards.MapGet("/{key}", async (string key, HttpContext http, ScorecardBook book, CancellationToken ct) =>
                (await book.GetAsync(Actor.From(http.User), key, ct)).ToHttp())
            .RequireAuthorization(ScorecardsRead).WithSummary("One scorecard: the published version and (for editors) the drafts.");
        scorecards.MapGet("/{key}/versions/{version:int}", async (string key, int version, HttpContext http, ScorecardBook book, CancellationToken ct) =>
                (await book.VersionAsync(Actor.From(http.User), key, version, ct)).ToHttp())
            .RequireAuthorization(ScorecardsRead).WithSummary("One version with its definition (the engine's JSON format).");
        scorecards.MapPost("/{key}/drafts", async (string key, DraftRequest? body, HttpContext http, ScorecardEditing editing, CancellationToken ct) =>
                (await editing.CreateDraftAsync(Actor.From(http.User), key, body, ct)).ToHttp(location: v => $"/api/v1/scorecards/{v.Key}/versions/{v.Version}"))
            .RequireAuthorization(ScorecardsEdit).WithIdempotency()
            .WithSummary("Create a draft: {\"copyOfPublished\": true} or {\"scorecard\": {...}}. Invalid scorecards → 400 keyed by path (criteria[2].bands[1]).");
        scorecards.MapPut("/{key}/drafts/{version:int}", async (string key, int version, JsonElement? body, HttpContext http, ScorecardEditing editing, CancellationToken ct) =>
                (await editing.EditDraftAsync(Actor.From(http.User), key, version, body, ct)).ToHttp())
            .RequireAuthorization(ScorecardsEdit).WithSummary("Replace a draft's definition (the whole scorecard); only drafts can be edited (409).");
        scorecards.MapPost("/{key}/drafts/{version:int}/publish", async (string key, int version, HttpContext http, ScorecardEditing editing, CancellationToken ct) =>
                (await editing.PublishAsync(Actor.From(http.User), key, version, ct)).ToHttp())
            .RequireAuthorization(ScorecardsPublish).WithSummary("Publish a draft (audited); the version published before becomes retired.");
        scorecards.MapPost("/{key}/drafts/{version:int}/what-if", async (string key, int version, WhatIfRequest? body, HttpContext http, WhatIf whatIf, CancellationToken ct) =>
                (await whatIf.RunAsync(Actor.From(http.User), key, version, body, ct)).ToHttp())
            .RequireAuthorization(WhatIfRun)
            .WithSummary("Run the draft against the pool beside the published version: who enters and leaves the top N, distributions before/after. Saves nothing.");

        var candidates = app.MapGroup("/api/v1/candidates").WithTags("Skilled-migrant pool");
        candidates.MapPost("", async (CandidateRequest? body, HttpContext http, CandidateProfiles profiles, CancellationToken ct) =>
                (await profiles.RegisterAsync(Actor.From(http.User), body, ct)).ToHttp(location: c => $"/api/v1/candidates/{c.Id}"))
            .RequireAuthorization(CandidatesRegister).WithIdempotency()
            .WithSummary("Register a candidate: a Migrant account its own profile (one per account), an officer or administrator someone else.");
        candidates.MapGet("", async (int? page, int? pageSize, HttpContext http, CandidateProfiles profiles, CancellationToken ct) =>
                (await profiles.ListAsync(Actor.From(http.User), page, pageSize, ct)).ToHttp())
            .RequireAuthorization(CandidatesRead).WithSummary("The candidates you may see (own profile, those you registered, or all for administrators).");
        candidates.MapGet("/{id:guid}", async (Guid id, HttpContext http, CandidateProfiles profiles, CancellationToken ct) =>
                (await profiles.GetAsync(Actor.From(http.User), id, ct)).ToHttp())
            .RequireAuthorization(CandidatesRead);
        candidates.MapGet("/{id:guid}/score", async (Guid id, HttpContext http, CandidateProfiles profiles, CancellationToken ct) =>
                (await profiles.ScoreAsync(Actor.From(http.User), id, ct)).ToHttp())
            .RequireAuthorization(CandidatesRead)
            .WithSummary("The score under the published pool scorecard: total, every criterion's fact, band and points, the version, and how to improve.");

        var rounds = app.MapGroup("/api/v1/selection/rounds").WithTags("Skilled-migrant pool");
        rounds.MapPost("", async (RoundRequest? body, HttpContext http, RunRound run, CancellationToken ct) =>
                (await run.HandleAsync(Actor.From(http.User), body, ct)).ToHttp(location: r => $"/api/v1/selection/rounds/{r.Id}"))
            .RequireAuthorization(RoundsRun).WithIdempotency()
            .WithSummary("Run an invitation round; its name is unique per day (a second run → 409).");
        rounds.MapGet("", async (int? page, int? pageSize, RoundQueries q, CancellationToken ct) => (await q.ListAsync(page, pageSize, ct)).ToHttp())
            .AllowAnonymous().WithSummary("Published rounds: cut-off score, time, scorecard version and counts (public).");
        rounds.MapGet("/{id:guid}", async (Guid id, HttpContext http, RoundQueries q, CancellationToken ct) =>
                (await q.GetAsync(http.User.Identity?.IsAuthenticated == true ? Actor.From(http.User) : null, id, ct)).ToHttp())
            .AllowAnonymous().WithSummary("One round; administrators also see the invitations.");

        var ataZholy = app.MapGroup("/api/v1/ata-zholy").WithTags("Ata Zholy card");
        ataZholy.MapGet("/lists", async (AtaZholyCards cards, CancellationToken ct) => TypedResults.Ok(await cards.ListsResponseAsync(ct)))
            .RequireAuthorization(ScorecardsRead).WithSummary("The lists and thresholds the eligibility check uses (reference data).");
        ataZholy.MapPost("/eligibility", async (EligibilityRequest? body, AtaZholyCards cards, CancellationToken ct) => (await cards.CheckAsync(body, ct)).ToHttp())
            .RequireAuthorization(ScorecardsRead).WithSummary("Check eligibility: every pathway with its reason. Saves nothing.");
        ataZholy.MapPost("/applications", async (AtaZholyApplicationRequest? body, HttpContext http, AtaZholyCards cards, CancellationToken ct) =>
                (await cards.ApplyAsync(Actor.From(http.User), body, ct)).ToHttp(location: a => $"/api/v1/ata-zholy/applications/{a.Id}"))
            .RequireAuthorization(AtaZholyApply).WithIdempotency()
            .WithSummary("Apply for the card (up to 10 years); not eligible → 422 rule ata_zholy_eligibility.");
        ataZholy.MapGet("/applications/{id:guid}", async (Guid id, HttpContext http, AtaZholyCards cards, CancellationToken ct) =>
                (await cards.GetAsync(Actor.From(http.User), id, ct)).ToHttp())
            .RequireAuthorization(AtaZholyApply);
    }
}
