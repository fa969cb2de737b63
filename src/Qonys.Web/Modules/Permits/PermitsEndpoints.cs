using Microsoft.AspNetCore.Http.HttpResults;
using Qonys.Web.Modules.Permits.Certificate;
using Qonys.Web.Modules.Permits.ChangePermits;
using Qonys.Web.Modules.Permits.Domain;
using Qonys.Web.Modules.Permits.Household;
using Qonys.Web.Modules.Permits.Queue;
using Qonys.Web.Modules.Permits.Quotas;
using Qonys.Web.Modules.Permits.SubmitApplication;
using Qonys.Web.Modules.Permits.ViewPermits;
using Qonys.Web.Platform.OpenApi;
using static Qonys.Web.Modules.Permits.PermitsModule;
using Decide = Qonys.Web.Modules.Permits.Decisions.DecideApplication;

namespace Qonys.Web.Modules.Permits;

/// <summary>
/// The work-permit API (docs/api.md "Work permits and quotas"): applications and their decisions, permits after issue
/// (extension, replacement, revocation, the certificate), public verification, household permits and the quota ledger.
/// </summary>
internal static class PermitsEndpoints
{
    const string WorkPermits = "Work permits";

    public static void MapPermitsApi(this IEndpointRouteBuilder app)
    {
        MapApplications(app);
        MapPermits(app);
        app.MapGet("/api/v1/public/permits/{number}/verify", Verify).WithName("VerifyPermit")
            .AllowAnonymous().WithTag("Public", "What anyone may read without signing in.")
            .WithSummary("Anyone can check a permit by its number; no personal data of the worker is shown.");
        MapHouseholdPermits(app);
        MapQuotas(app);
    }

    static void MapApplications(IEndpointRouteBuilder app)
    {
        var applications = app.MapGroup("/api/v1/permit-applications")
            .WithTag(WorkPermits, "Employers' applications for work permits, their decisions, the permits issued and " +
                                  "their changes after issue.");
        applications.MapPost("", Submit).WithName("SubmitPermitApplication")
            .RequireAuthorization(ApplicationsSubmit).WithIdempotency()
            .WithSummary("Submit an application: every check is evaluated; a passing application reserves quota " +
                         "places.");
        applications.MapPost("/preview", Preview).WithName("PreviewPermitApplication")
            .RequireAuthorization(ApplicationsSubmit)
            .WithSummary("Every check and the fee for an application, before submitting it. Nothing is saved.");
        applications.MapGet("/{id:guid}", GetApplication).WithName("GetPermitApplication")
            .RequireAuthorization(ApplicationsRead)
            .WithSummary("The case: status, checks, fee, deadlines, history and the actions allowed next.");
        applications.MapPost("/{id:guid}/approve", Approve).WithName("ApprovePermitApplication")
            .RequireAuthorization(ApplicationsDecide)
            .WithSummary("Approve a submitted application: its permits are issued, awaiting the state fee.");
        applications.MapPost("/{id:guid}/reject", Reject).WithName("RejectPermitApplication")
            .RequireAuthorization(ApplicationsDecide)
            .WithSummary("Reject a submitted application, with the reason; its reserved quota places are released.");
        applications.MapPost("/{id:guid}/withdraw", Withdraw).WithName("WithdrawPermitApplication")
            .RequireAuthorization(ApplicationsWithdraw)
            .WithSummary("Withdraw an application before its decision; its reserved quota places are released.");
        applications.MapGet("", ApplicationQueue).WithName("ListPermitApplications")
            .RequireAuthorization(ApplicationsRead)
            .WithSummary("The work queue: applications by decision due date with an overdue flag " +
                         "(officers: own region; employers: own BIN).");
    }

    /// <summary>After issue: the permits, their change requests and decisions, revocation, the certificate.</summary>
    static void MapPermits(IEndpointRouteBuilder app)
    {
        var permits = app.MapGroup("/api/v1/permits").WithTags(WorkPermits).RequireAuthorization(PermitsRead);
        permits.MapGet("/requests", RequestQueue).WithName("ListPermitChangeRequests")
            .WithSummary("Extension and replacement requests (pending by default) by decision due date, " +
                         "with an overdue flag.");
        permits.MapPost("/{number}/extension-requests", RequestExtension).WithName("RequestPermitExtension")
            .RequireAuthorization(PermitChangesRequest).WithIdempotency()
            .WithSummary("Ask to extend a permit (60 to 30 days before it expires, within the category's limits); " +
                         "decided within 3 working days.");
        permits.MapPost("/{number}/replacement", RequestReplacement).WithName("RequestWorkerReplacement")
            .RequireAuthorization(PermitChangesRequest).WithIdempotency()
            .WithSummary("Ask to replace the permit's worker; decided within 5 working days. " +
                         "The quota place carries over.");
        permits.MapGet("/{number}/extension-requests/{id:guid}", GetExtensionRequest).WithName("GetExtensionRequest")
            .WithSummary("A request for an extension: status, decision due date, decision.");
        permits.MapPost("/{number}/extension-requests/{id:guid}/approve", ApproveExtension)
            .WithName("ApproveExtensionRequest").RequireAuthorization(PermitChangesDecide)
            .WithSummary("Approve a pending extension request: the permit is valid until the new date.");
        permits.MapPost("/{number}/extension-requests/{id:guid}/reject", RejectExtension)
            .WithName("RejectExtensionRequest").RequireAuthorization(PermitChangesDecide)
            .WithSummary("Reject a pending extension request, with the reason.");
        permits.MapGet("/{number}/replacement/{id:guid}", GetReplacementRequest).WithName("GetReplacementRequest")
            .WithSummary("A request for a worker replacement: status, decision due date, decision.");
        permits.MapPost("/{number}/replacement/{id:guid}/approve", ApproveReplacement)
            .WithName("ApproveReplacementRequest").RequireAuthorization(PermitChangesDecide)
            .WithSummary("Approve a pending worker replacement: the permit passes to the new worker.");
        permits.MapPost("/{number}/replacement/{id:guid}/reject", RejectReplacement)
            .WithName("RejectReplacementRequest").RequireAuthorization(PermitChangesDecide)
            .WithSummary("Reject a pending worker replacement, with the reason.");
        permits.MapPost("/{number}/revoke", Revoke).WithName("RevokePermit")
            .RequireAuthorization(PermitsRevoke)
            .WithSummary("Revoke a permit with the reason: it ends today and its quota place is released.");
        permits.MapGet("/{number}/certificate.pdf", Certificate).WithName("GetPermitCertificate")
            .RequireAuthorization(PermitCertificates).ProducesFile("application/pdf")
            .WithSummary("The permit certificate (holder's copy) with a QR code linking to the public " +
                         "verification page.");
        permits.MapGet("", ListPermits).WithName("ListPermits")
            .WithSummary("Permits in the caller's scope, newest first (employers: own BIN).");
        permits.MapGet("/{number}", GetPermit).WithName("GetPermit")
            .WithSummary("One permit: holder, category, validity and status.");
    }

    static void MapHouseholdPermits(IEndpointRouteBuilder app)
    {
        var household = app.MapGroup("/api/v1/household-permits")
            .WithTag("Household permits", "Citizens' permits for domestic workers (household labour immigrants).");
        household.MapPost("", IssueHouseholdPermit).WithName("IssueHouseholdPermit")
            .RequireAuthorization(HouseholdSubmit).WithIdempotency()
            .WithSummary("A citizen's permit for a domestic worker: 1–12 months, at most 5 active, " +
                         "income tax of 4 MCI a month prepaid.");
        household.MapGet("", ListHouseholdPermits).WithName("ListHouseholdPermits")
            .RequireAuthorization(HouseholdList)
            .WithSummary("Household permits in the caller's scope (a household employer: own IIN).");
        household.MapGet("/{number}", GetHouseholdPermit).WithName("GetHouseholdPermit")
            .RequireAuthorization(HouseholdRead)
            .WithSummary("One household permit.");
        household.MapPost("/{number}/employer-change", ChangeHouseholdEmployer).WithName("ChangeHouseholdEmployer")
            .RequireAuthorization(HouseholdChangeEmployer)
            .WithSummary("The worker notifies a change of household employer: the permit moves to the new IIN " +
                         "if that one is under the limit.");
    }

    static void MapQuotas(IEndpointRouteBuilder app)
    {
        var quotas = app.MapGroup("/api/v1/quotas")
            .WithTag("Quotas", "The quota ledger: caps per year, region and category; reserved, used and " +
                               "released places.");
        quotas.MapGet("", ListQuotas).WithName("ListQuotas")
            .RequireAuthorization(QuotasRead)
            .WithSummary("The ledger: cap, reserved, used, released and available places.");
        quotas.MapPut("/{year:int}/{regionCode}/{category}", ReviseQuota).WithName("ReviseQuota")
            .RequireAuthorization(QuotasManage)
            .WithSummary("Set or revise a cap, with the reason; a cap below reserved + used places is refused (422).");
    }

    static async Task<Results<Created<PermitApplicationResponse>, ValidationProblem, ForbiddenProblem, RuleProblem>>
        Submit(PermitApplicationRequest body, Actor actor, SubmitPermitApplication useCase, CancellationToken ct) =>
        (await useCase.HandleAsync(actor, body, ct)).ToHttp(
            a => TypedResults.Created($"/api/v1/permit-applications/{a.Id}", a),
            Refusals.Invalid, Refusals.Forbidden, Refusals.Rule);

    static async Task<Results<Ok<PermitApplicationPreview>, ValidationProblem, ForbiddenProblem, RuleProblem>> Preview(
        PermitApplicationRequest body, Actor actor, SubmitPermitApplication useCase, CancellationToken ct) =>
        (await useCase.PreviewAsync(actor, body, ct)).ToOk(Refusals.Invalid, Refusals.Forbidden, Refusals.Rule);

    static async Task<Results<Ok<PermitApplicationResponse>, NotFoundProblem>> GetApplication(
        Guid id, Actor actor, PermitApplicationView view, CancellationToken ct) =>
        (await view.GetAsync(actor, id, ct)).ToOk(Refusals.NotFound);

    static async Task<Results<Ok<PermitApplicationResponse>, NotFoundProblem, ForbiddenProblem, ConflictProblem>>
        Approve(Guid id, Actor actor, Decide decide, CancellationToken ct) =>
        (await decide.ApproveAsync(actor, id, ct)).ToOk(Refusals.NotFound, Refusals.Forbidden, Refusals.Conflict);

    static async Task<Results<Ok<PermitApplicationResponse>, ValidationProblem, NotFoundProblem, ForbiddenProblem,
        ConflictProblem>> Reject(Guid id, DecisionRequest? body, Actor actor, Decide decide, CancellationToken ct) =>
        (await decide.RejectAsync(actor, id, body, ct))
            .ToOk(Refusals.Invalid, Refusals.NotFound, Refusals.Forbidden, Refusals.Conflict);

    static async Task<Results<Ok<PermitApplicationResponse>, ValidationProblem, NotFoundProblem, ForbiddenProblem,
        ConflictProblem>> Withdraw(Guid id, DecisionRequest? body, Actor actor, Decide decide, CancellationToken ct) =>
        (await decide.WithdrawAsync(actor, id, body, ct))
            .ToOk(Refusals.Invalid, Refusals.NotFound, Refusals.Forbidden, Refusals.Conflict);

    static async Task<Results<Ok<PagedList<ApplicationQueueItem>>, ValidationProblem>> ApplicationQueue(
        string? regionCode, string? status, bool? overdue, int? page, int? pageSize, Actor actor, WorkQueue queues,
        CancellationToken ct) =>
        (await queues.ApplicationsAsync(actor, regionCode, status, overdue ?? false, page, pageSize, ct))
            .ToOk(Refusals.Invalid);

    static async Task<Results<Ok<PagedList<ChangeRequestResponse>>, ValidationProblem>> RequestQueue(
        string? regionCode, string? kind, string? status, bool? overdue, int? page, int? pageSize, Actor actor,
        WorkQueue queues, CancellationToken ct) =>
        (await queues.RequestsAsync(actor, regionCode, kind, status, overdue ?? false, page, pageSize, ct))
            .ToOk(Refusals.Invalid);

    static async Task<Results<Created<ChangeRequestResponse>, ValidationProblem, NotFoundProblem, ForbiddenProblem,
        ConflictProblem, RuleProblem>> RequestExtension(string number, ExtensionRequestBody? body, Actor actor,
        PermitChangeRequests changes, CancellationToken ct) =>
        (await changes.RequestExtensionAsync(actor, number, body, ct)).ToHttp(
            r => TypedResults.Created($"/api/v1/permits/{r.PermitNumber}/extension-requests/{r.Id}", r),
            Refusals.Invalid, Refusals.NotFound, Refusals.Forbidden, Refusals.Conflict, Refusals.Rule);

    static async Task<Results<Created<ChangeRequestResponse>, ValidationProblem, NotFoundProblem, ForbiddenProblem,
        ConflictProblem, RuleProblem>> RequestReplacement(string number, ReplacementRequestBody? body, Actor actor,
        PermitChangeRequests changes, CancellationToken ct) =>
        (await changes.RequestReplacementAsync(actor, number, body, ct)).ToHttp(
            r => TypedResults.Created($"/api/v1/permits/{r.PermitNumber}/replacement/{r.Id}", r),
            Refusals.Invalid, Refusals.NotFound, Refusals.Forbidden, Refusals.Conflict, Refusals.Rule);

    static Task<Results<Ok<ChangeRequestResponse>, NotFoundProblem>> GetExtensionRequest(
        string number, Guid id, Actor actor, PermitChangeRequests changes, CancellationToken ct) =>
        GetChangeRequest(number, id, ChangeRequestKind.Extension, actor, changes, ct);

    static Task<Results<Ok<ChangeRequestResponse>, NotFoundProblem>> GetReplacementRequest(
        string number, Guid id, Actor actor, PermitChangeRequests changes, CancellationToken ct) =>
        GetChangeRequest(number, id, ChangeRequestKind.Replacement, actor, changes, ct);

    static async Task<Results<Ok<ChangeRequestResponse>, NotFoundProblem>> GetChangeRequest(
        string number, Guid id, string kind, Actor actor, PermitChangeRequests changes, CancellationToken ct) =>
        (await changes.GetAsync(actor, number, id, kind, ct)).ToOk(Refusals.NotFound);

    static Task<Results<Ok<ChangeRequestResponse>, NotFoundProblem, ForbiddenProblem, ConflictProblem>>
        ApproveExtension(string number, Guid id, Actor actor, PermitChangeRequests changes, CancellationToken ct) =>
        ApproveChangeRequest(number, id, ChangeRequestKind.Extension, actor, changes, ct);

    static Task<Results<Ok<ChangeRequestResponse>, NotFoundProblem, ForbiddenProblem, ConflictProblem>>
        ApproveReplacement(string number, Guid id, Actor actor, PermitChangeRequests changes, CancellationToken ct) =>
        ApproveChangeRequest(number, id, ChangeRequestKind.Replacement, actor, changes, ct);

    static async Task<Results<Ok<ChangeRequestResponse>, NotFoundProblem, ForbiddenProblem, ConflictProblem>>
        ApproveChangeRequest(string number, Guid id, string kind, Actor actor, PermitChangeRequests changes,
            CancellationToken ct) =>
        (await changes.ApproveAsync(actor, number, id, kind, ct))
            .ToOk(Refusals.NotFound, Refusals.Forbidden, Refusals.Conflict);

    static Task<Results<Ok<ChangeRequestResponse>, ValidationProblem, NotFoundProblem, ForbiddenProblem,
        ConflictProblem>> RejectExtension(string number, Guid id, DecisionRequest? body, Actor actor,
        PermitChangeRequests changes, CancellationToken ct) =>
        RejectChangeRequest(number, id, ChangeRequestKind.Extension, body, actor, changes, ct);

    static Task<Results<Ok<ChangeRequestResponse>, ValidationProblem, NotFoundProblem, ForbiddenProblem,
        ConflictProblem>> RejectReplacement(string number, Guid id, DecisionRequest? body, Actor actor,
        PermitChangeRequests changes, CancellationToken ct) =>
        RejectChangeRequest(number, id, ChangeRequestKind.Replacement, body, actor, changes, ct);

    static async Task<Results<Ok<ChangeRequestResponse>, ValidationProblem, NotFoundProblem, ForbiddenProblem,
        ConflictProblem>> RejectChangeRequest(string number, Guid id, string kind, DecisionRequest? body, Actor actor,
        PermitChangeRequests changes, CancellationToken ct) =>
        (await changes.RejectAsync(actor, number, id, kind, body, ct))
            .ToOk(Refusals.Invalid, Refusals.NotFound, Refusals.Forbidden, Refusals.Conflict);

    static async Task<Results<Ok<PermitResponse>, ValidationProblem, NotFoundProblem, ForbiddenProblem,
        ConflictProblem>> Revoke(string number, DecisionRequest? body, Actor actor, RevokePermit revoke,
        CancellationToken ct) =>
        (await revoke.RevokeAsync(actor, number, body, ct))
            .ToOk(Refusals.Invalid, Refusals.NotFound, Refusals.Forbidden, Refusals.Conflict);

    static async Task<Results<FileContentHttpResult, NotFoundProblem>> Certificate(
        string number, HttpContext http, Actor actor, PermitCertificate certificate, CancellationToken ct) =>
        (await certificate.PdfAsync(actor, number, $"{http.Request.Scheme}://{http.Request.Host}", ct))
            .ToHttp(pdf => TypedResults.File(pdf, "application/pdf", number + ".pdf"), Refusals.NotFound);

    static async Task<Ok<PagedList<PermitResponse>>> ListPermits(
        string? employerBin, int? page, int? pageSize, Actor actor, PermitQueries q, CancellationToken ct) =>
        (await q.ListAsync(actor, employerBin, page, pageSize, ct)).ToOk();

    static async Task<Results<Ok<PermitResponse>, NotFoundProblem>> GetPermit(
        string number, Actor actor, PermitQueries q, CancellationToken ct) =>
        (await q.GetAsync(actor, number, ct)).ToOk(Refusals.NotFound);

    static async Task<Results<Ok<PermitVerification>, NotFoundProblem>> Verify(
        string number, PermitQueries q, CancellationToken ct) =>
        (await q.VerifyAsync(number, ct)).ToOk(Refusals.NotFound);

    static async Task<Results<Created<HouseholdPermitResponse>, ValidationProblem, ForbiddenProblem, ConflictProblem,
        RuleProblem>> IssueHouseholdPermit(HouseholdPermitRequest? body, Actor actor, HouseholdPermits permits,
        CancellationToken ct) =>
        (await permits.IssueAsync(actor, body, ct)).ToHttp(
            p => TypedResults.Created($"/api/v1/household-permits/{p.Number}", p),
            Refusals.Invalid, Refusals.Forbidden, Refusals.Conflict, Refusals.Rule);

    static async Task<Ok<PagedList<HouseholdPermitResponse>>> ListHouseholdPermits(
        string? employerIin, string? regionCode, int? page, int? pageSize, Actor actor, HouseholdPermits permits,
        CancellationToken ct) =>
        (await permits.ListAsync(actor, employerIin, regionCode, page, pageSize, ct)).ToOk();

    static async Task<Results<Ok<HouseholdPermitResponse>, NotFoundProblem>> GetHouseholdPermit(
        string number, Actor actor, HouseholdPermits permits, CancellationToken ct) =>
        (await permits.GetAsync(actor, number, ct)).ToOk(Refusals.NotFound);

    static async Task<Results<Ok<HouseholdPermitResponse>, ValidationProblem, NotFoundProblem, ForbiddenProblem,
        ConflictProblem, RuleProblem>> ChangeHouseholdEmployer(string number, EmployerChangeRequest? body, Actor actor,
        HouseholdPermits permits, CancellationToken ct) =>
        (await permits.ChangeEmployerAsync(actor, number, body, ct))
            .ToOk(Refusals.Invalid, Refusals.NotFound, Refusals.Forbidden, Refusals.Conflict, Refusals.Rule);

    static async Task<Results<Ok<List<QuotaResponse>>, ValidationProblem>> ListQuotas(
        int? year, string? regionCode, string? category, Actor actor, QuotaAdministration admin,
        CancellationToken ct) =>
        (await admin.ListAsync(actor, year, regionCode, category, ct)).ToOk(Refusals.Invalid);

    static async Task<Results<Ok<QuotaResponse>, ValidationProblem, RuleProblem>> ReviseQuota(
        int year, string regionCode, string category, QuotaRevisionRequest body, Actor actor, QuotaAdministration admin,
        CancellationToken ct) =>
        (await admin.ReviseAsync(actor, year, regionCode, category, body, ct)).ToOk(Refusals.Invalid, Refusals.Rule);
}
