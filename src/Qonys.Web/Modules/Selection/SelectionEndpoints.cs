using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Qonys.Web.Modules.Selection.AtaZholy;
using Qonys.Web.Modules.Selection.Candidates;
using Qonys.Web.Modules.Selection.Rounds;
using Qonys.Web.Modules.Selection.Scorecards;
using Qonys.Web.Platform.OpenApi;
using static Qonys.Web.Modules.Selection.SelectionModule;

namespace Qonys.Web.Modules.Selection;

/// <summary>
/// The selection API (docs/api.md "Scoring and the skilled-migrant pool"): stored scorecards and their drafts, the
/// candidate pool, invitation rounds and the Ata Zholy card.
/// </summary>
internal static class SelectionEndpoints
{
    const string Pool = "Skilled-migrant pool";

    public static void MapSelectionApi(this IEndpointRouteBuilder app)
    {
        MapScorecards(app);
        MapPool(app);
        MapAtaZholy(app);
    }

    static void MapScorecards(IEndpointRouteBuilder app)
    {
        var scorecards = app.MapGroup("/api/v1/scorecards")
            .WithTag("Scorecards", "Stored, versioned scorecards: drafts, publication and what-if runs.");
        scorecards.MapGet("", ListScorecards).WithName("ListScorecards")
            .RequireAuthorization(ScorecardsRead)
            .WithSummary("Every scorecard with its published version and the versions you may see.");
        scorecards.MapGet("/{key}", GetScorecard).WithName("GetScorecard")
            .RequireAuthorization(ScorecardsRead)
            .WithSummary("One scorecard: the published version and (for editors) the drafts.");
        scorecards.MapGet("/{key}/versions/{version:int}", GetVersion).WithName("GetScorecardVersion")
            .RequireAuthorization(ScorecardsRead)
            .WithSummary("One version with its definition (the engine's JSON format).");
        scorecards.MapPost("/{key}/drafts", CreateDraft).WithName("CreateScorecardDraft")
            .RequireAuthorization(ScorecardsEdit).WithIdempotency()
            .WithSummary("Create a draft: {\"copyOfPublished\": true} or {\"scorecard\": {...}}. " +
                         "Invalid scorecards → 400 keyed by path (criteria[2].bands[1]).");
        scorecards.MapPut("/{key}/drafts/{version:int}", EditDraft).WithName("EditScorecardDraft")
            .RequireAuthorization(ScorecardsEdit)
            .WithSummary("Replace a draft's definition (the whole scorecard); only drafts can be edited (409).");
        scorecards.MapPost("/{key}/drafts/{version:int}/publish", Publish).WithName("PublishScorecardDraft")
            .RequireAuthorization(ScorecardsPublish)
            .WithSummary("Publish a draft (audited); the version published before becomes retired.");
        scorecards.MapPost("/{key}/drafts/{version:int}/what-if", RunWhatIf).WithName("RunScorecardWhatIf")
            .RequireAuthorization(WhatIfRun)
            .WithSummary("Run the draft against the pool beside the published version: who enters and leaves the " +
                         "top N, distributions before/after. Saves nothing.");
    }

    static void MapPool(IEndpointRouteBuilder app)
    {
        var candidates = app.MapGroup("/api/v1/candidates")
            .WithTag(Pool, "Candidates' profiles and scores, and the invitation rounds drawn from the pool.");
        candidates.MapPost("", RegisterCandidate).WithName("RegisterCandidate")
            .RequireAuthorization(CandidatesRegister).WithIdempotency()
            .WithSummary("Register a candidate: a Migrant account its own profile (one per account), " +
                         "an officer or administrator someone else.");
        candidates.MapGet("", ListCandidates).WithName("ListCandidates")
            .RequireAuthorization(CandidatesRead)
            .WithSummary("The candidates you may see (own profile, those you registered, or all for administrators).");
        candidates.MapGet("/{id:guid}", GetCandidate).WithName("GetCandidate")
            .RequireAuthorization(CandidatesRead)
            .WithSummary("One candidate's profile and invitation, if any.");
        candidates.MapGet("/{id:guid}/score", Score).WithName("GetCandidateScore")
            .RequireAuthorization(CandidatesRead)
            .WithSummary("The score under the published pool scorecard: total, every criterion's fact, band and " +
                         "points, the version, and how to improve.");

        var rounds = app.MapGroup("/api/v1/selection/rounds").WithTags(Pool);
        rounds.MapPost("", RunRound).WithName("RunSelectionRound")
            .RequireAuthorization(RoundsRun).WithIdempotency()
            .WithSummary("Run an invitation round; its name is unique per day (a second run → 409).");
        rounds.MapGet("", ListRounds).WithName("ListSelectionRounds")
            .AllowAnonymous()
            .WithSummary("Published rounds: cut-off score, time, scorecard version and counts (public).");
        rounds.MapGet("/{id:guid}", GetRound).WithName("GetSelectionRound")
            .AllowAnonymous()
            .WithSummary("One round; administrators also see the invitations.");
    }

    static void MapAtaZholy(IEndpointRouteBuilder app)
    {
        var ataZholy = app.MapGroup("/api/v1/ata-zholy")
            .WithTag("Ata Zholy card", "The Ata Zholy card for highly qualified foreigners: eligibility and " +
                                       "applications.");
        ataZholy.MapGet("/lists", Lists).WithName("GetAtaZholyLists")
            .RequireAuthorization(ScorecardsRead)
            .WithSummary("The lists and thresholds the eligibility check uses (reference data).");
        ataZholy.MapPost("/eligibility", CheckEligibility).WithName("CheckAtaZholyEligibility")
            .RequireAuthorization(ScorecardsRead)
            .WithSummary("Check eligibility: every pathway with its reason. Saves nothing.");
        ataZholy.MapPost("/applications", Apply).WithName("ApplyForAtaZholy")
            .RequireAuthorization(AtaZholyApply).WithIdempotency()
            .WithSummary("Apply for the card (up to 10 years); not eligible → 422 rule ata_zholy_eligibility.");
        ataZholy.MapGet("/applications/{id:guid}", GetApplication).WithName("GetAtaZholyApplication")
            .RequireAuthorization(AtaZholyRead)
            .WithSummary("One Ata Zholy application with its pathway and validity.");
    }

    static async Task<Ok<IReadOnlyList<ScorecardOverview>>> ListScorecards(
        Actor actor, ScorecardBook book, CancellationToken ct) =>
        TypedResults.Ok(await book.ListAsync(actor, ct));

    static async Task<Results<Ok<ScorecardOverview>, NotFoundProblem>> GetScorecard(
        string key, Actor actor, ScorecardBook book, CancellationToken ct) =>
        (await book.GetAsync(actor, key, ct)).ToOk(Refusals.NotFound);

    static async Task<Results<Ok<ScorecardVersionResponse>, NotFoundProblem>> GetVersion(
        string key, int version, Actor actor, ScorecardBook book, CancellationToken ct) =>
        (await book.VersionAsync(actor, key, version, ct)).ToOk(Refusals.NotFound);

    static async Task<Results<Created<ScorecardVersionResponse>, ValidationProblem, NotFoundProblem, ConflictProblem>>
        CreateDraft(string key, DraftRequest? body, Actor actor, ScorecardEditing editing, CancellationToken ct) =>
        (await editing.CreateDraftAsync(actor, key, body, ct)).ToHttp(
            v => TypedResults.Created($"/api/v1/scorecards/{v.Key}/versions/{v.Version}", v),
            Refusals.Invalid, Refusals.NotFound, Refusals.Conflict);

    static async Task<Results<Ok<ScorecardVersionResponse>, ValidationProblem, NotFoundProblem, ConflictProblem>>
        EditDraft(string key, int version, JsonElement? body, Actor actor, ScorecardEditing editing,
            CancellationToken ct) =>
        (await editing.EditDraftAsync(actor, key, version, body, ct))
            .ToOk(Refusals.Invalid, Refusals.NotFound, Refusals.Conflict);

    static async Task<Results<Ok<ScorecardVersionResponse>, NotFoundProblem, ConflictProblem>> Publish(
        string key, int version, Actor actor, ScorecardEditing editing, CancellationToken ct) =>
        (await editing.PublishAsync(actor, key, version, ct)).ToOk(Refusals.NotFound, Refusals.Conflict);

    static async Task<Results<Ok<WhatIfResponse>, ValidationProblem, NotFoundProblem, ConflictProblem, RuleProblem>>
        RunWhatIf(string key, int version, WhatIfRequest? body, Actor actor, WhatIf whatIf, CancellationToken ct) =>
        (await whatIf.RunAsync(actor, key, version, body, ct))
            .ToOk(Refusals.Invalid, Refusals.NotFound, Refusals.Conflict, Refusals.Rule);

    static async Task<Results<Created<CandidateResponse>, ValidationProblem, ConflictProblem>> RegisterCandidate(
        CandidateRequest? body, Actor actor, CandidateProfiles profiles, CancellationToken ct) =>
        (await profiles.RegisterAsync(actor, body, ct)).ToHttp(
            c => TypedResults.Created($"/api/v1/candidates/{c.Id}", c), Refusals.Invalid, Refusals.Conflict);

    static async Task<Results<Ok<PageResponse<CandidateResponse>>, ValidationProblem>> ListCandidates(
        int? page, int? pageSize, Actor actor, CandidateProfiles profiles, CancellationToken ct) =>
        (await profiles.ListAsync(actor, page, pageSize, ct)).ToOk(Refusals.Invalid);

    static async Task<Results<Ok<CandidateResponse>, NotFoundProblem>> GetCandidate(
        Guid id, Actor actor, CandidateProfiles profiles, CancellationToken ct) =>
        (await profiles.GetAsync(actor, id, ct)).ToOk(Refusals.NotFound);

    static async Task<Results<Ok<CandidateScoreResponse>, NotFoundProblem, RuleProblem>> Score(
        Guid id, Actor actor, CandidateProfiles profiles, CancellationToken ct) =>
        (await profiles.ScoreAsync(actor, id, ct)).ToOk(Refusals.NotFound, Refusals.Rule);

    static async Task<Results<Created<RoundResponse>, ValidationProblem, ConflictProblem, RuleProblem>> RunRound(
        RoundRequest? body, Actor actor, RunRound run, CancellationToken ct) =>
        (await run.HandleAsync(actor, body, ct)).ToHttp(
            r => TypedResults.Created($"/api/v1/selection/rounds/{r.Id}", r),
            Refusals.Invalid, Refusals.Conflict, Refusals.Rule);

    static async Task<Results<Ok<PageResponse<RoundResponse>>, ValidationProblem>> ListRounds(
        int? page, int? pageSize, RoundQueries q, CancellationToken ct) =>
        (await q.ListAsync(page, pageSize, ct)).ToOk(Refusals.Invalid);

    /// <summary>Public; a signed-in administrator also sees the invitations.</summary>
    static async Task<Results<Ok<RoundDetailResponse>, NotFoundProblem>> GetRound(
        Guid id, Actor? actor, RoundQueries q, CancellationToken ct) =>
        (await q.GetAsync(actor, id, ct)).ToOk(Refusals.NotFound);

    static async Task<Ok<AtaZholyListsResponse>> Lists(AtaZholyCards cards, CancellationToken ct) =>
        TypedResults.Ok(await cards.ListsResponseAsync(ct));

    static async Task<Results<Ok<EligibilityResponse>, ValidationProblem>> CheckEligibility(
        EligibilityRequest? body, AtaZholyCards cards, CancellationToken ct) =>
        (await cards.CheckAsync(body, ct)).ToOk(Refusals.Invalid);

    static async Task<Results<Created<AtaZholyApplicationResponse>, ValidationProblem, RuleProblem>> Apply(
        AtaZholyApplicationRequest? body, Actor actor, AtaZholyCards cards, CancellationToken ct) =>
        (await cards.ApplyAsync(actor, body, ct)).ToHttp(
            a => TypedResults.Created($"/api/v1/ata-zholy/applications/{a.Id}", a), Refusals.Invalid, Refusals.Rule);

    static async Task<Results<Ok<AtaZholyApplicationResponse>, NotFoundProblem>> GetApplication(
        Guid id, Actor actor, AtaZholyCards cards, CancellationToken ct) =>
        (await cards.GetAsync(actor, id, ct)).ToOk(Refusals.NotFound);
}
