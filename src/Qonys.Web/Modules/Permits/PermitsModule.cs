using Qonys.Web.Modules.Permits.Certificate;
using Qonys.Web.Modules.Permits.ChangePermits;
using Qonys.Web.Modules.Permits.DecideApplication;
using Qonys.Web.Modules.Permits.Domain;
using Qonys.Web.Modules.Permits.Household;
using Qonys.Web.Modules.Permits.Lifecycle;
using Qonys.Web.Modules.Permits.Queues;
using Qonys.Web.Modules.Permits.Quotas;
using Qonys.Web.Modules.Permits.SubmitApplication;
using Qonys.Web.Modules.Permits.ViewPermits;
using Qonys.Web.Platform.Auth;
using Qonys.Web.Platform.Hosting;
using Qonys.Web.Platform.Idempotency;

namespace Qonys.Web.Modules.Permits;

/// <summary>Work permits for foreign labour and the quota ledger (PRODUCT.md §2.2–2.3).</summary>
public static class PermitsModule
{
    public const string ApplicationsSubmit = "permits.applications.submit";
    public const string ApplicationsRead = "permits.applications.read";
    public const string ApplicationsDecide = "permits.applications.decide";
    public const string ApplicationsWithdraw = "permits.applications.withdraw";
    public const string PermitsRead = "permits.read";
    public const string QuotasRead = "quotas.read";
    public const string QuotasManage = "quotas.manage";
    public const string PermitChangesRequest = "permits.changes.request";
    public const string PermitChangesDecide = "permits.changes.decide";
    public const string PermitsRevoke = "permits.revoke";
    public const string HouseholdSubmit = "permits.household.submit";
    public const string HouseholdRead = "permits.household.read";
    public const string HouseholdChangeEmployer = "permits.household.change_employer";

    public static void AddPermitsModule(this IServiceCollection services)
    {
        Permissions.Grant(ApplicationsSubmit, Roles.Employer, Roles.Officer, Roles.Administrator);
        Permissions.Grant(ApplicationsRead, Roles.Employer, Roles.Officer, Roles.Inspector, Roles.Administrator);
        Permissions.Grant(ApplicationsDecide, Roles.Officer, Roles.Administrator);
        Permissions.Grant(ApplicationsWithdraw, Roles.Employer, Roles.Administrator);
        Permissions.Grant(PermitsRead, Roles.Employer, Roles.Officer, Roles.Inspector, Roles.Administrator, Roles.Analyst);
        Permissions.Grant(QuotasRead, Roles.Employer, Roles.Officer, Roles.Inspector, Roles.Administrator, Roles.Analyst);
        Permissions.Grant(QuotasManage, Roles.Administrator);
        services.AddScoped<PermitAssessment>();
        services.AddScoped<SubmitPermitApplication>();
        services.AddScoped<PermitApplicationView>();
        services.AddScoped<DecideApplication.DecideApplication>();
        services.AddScoped<QuotaBook>();
        services.AddScoped<QuotaAdministration>();
        services.AddScoped<PermitQueries>();
        services.AddScoped<Platform.Demo.IDemoDataContributor, Demo.ForeignWorkforceDemoPlan>();
        services.AddScoped<Platform.Demo.IDemoDataContributor, Demo.PermitsDemoData>();
        services.AddScoped<Platform.Demo.IDemoDataContributor, Demo.HouseholdPermitsDemoData>();

        Permissions.Grant(PermitChangesRequest, Roles.Employer, Roles.Administrator);
        Permissions.Grant(PermitChangesDecide, Roles.Officer, Roles.Administrator);
        Permissions.Grant(PermitsRevoke, Roles.Officer, Roles.Administrator);
        Permissions.Grant(HouseholdSubmit, Roles.HouseholdEmployer, Roles.Administrator);
        Permissions.Grant(HouseholdRead, Roles.HouseholdEmployer, Roles.Migrant, Roles.Officer, Roles.Inspector, Roles.Administrator, Roles.Analyst);
        Permissions.Grant(HouseholdChangeEmployer, Roles.HouseholdEmployer, Roles.Migrant, Roles.Administrator);
        services.AddScoped<PermitScope>();
        services.AddScoped<PermitChangeRequests>();
        services.AddScoped<RevokePermit>();
        services.AddScoped<PermitLifecycleSweep>();
        services.AddScoped<WorkQueues>();
        services.AddScoped<HouseholdPermits>();
        services.AddScoped<PermitCertificate>();
        services.AddOptions<PermitJobOptions>().BindConfiguration("Qonys:Jobs");
        services.AddOptions<PermitDocumentOptions>().BindConfiguration("Qonys");
        Queue.PermitsPagesSetup.AddPermitsPages(services);
    }

    public static void MapPermitsApi(this IEndpointRouteBuilder app)
    {
        var applications = app.MapGroup("/api/v1/permit-applications").WithTags("Work permits");
        applications.MapPost("", async (PermitApplicationRequest body, HttpContext http, SubmitPermitApplication useCase, CancellationToken ct) =>
                (await useCase.HandleAsync(Actor.From(http.User), body, ct)).ToHttp(location: a => $"/api/v1/permit-applications/{a.Id}"))
            .RequireAuthorization(ApplicationsSubmit).WithIdempotency()
            .WithSummary("Submit an application: every check is evaluated; a passing application reserves quota places.");
        applications.MapPost("/preview", async (PermitApplicationRequest body, HttpContext http, SubmitPermitApplication useCase, CancellationToken ct) =>
                (await useCase.PreviewAsync(Actor.From(http.User), body, ct)).ToHttp())
            .RequireAuthorization(ApplicationsSubmit)
            .WithSummary("Every check and the fee for an application, before submitting it. Nothing is saved.");
        applications.MapGet("/{id:guid}", async (Guid id, HttpContext http, PermitApplicationView view, CancellationToken ct) =>
                (await view.GetAsync(Actor.From(http.User), id, ct)).ToHttp())
            .RequireAuthorization(ApplicationsRead)
            .WithSummary("The case: status, checks, fee, deadlines, history and the actions allowed next.");
        applications.MapPost("/{id:guid}/approve", async (Guid id, HttpContext http, DecideApplication.DecideApplication decide, CancellationToken ct) =>
                (await decide.ApproveAsync(Actor.From(http.User), id, ct)).ToHttp())
            .RequireAuthorization(ApplicationsDecide);
        applications.MapPost("/{id:guid}/reject", async (Guid id, DecisionRequest? body, HttpContext http, DecideApplication.DecideApplication decide, CancellationToken ct) =>
                (await decide.RejectAsync(Actor.From(http.User), id, body, ct)).ToHttp())
            .RequireAuthorization(ApplicationsDecide);
        applications.MapPost("/{id:guid}/withdraw", async (Guid id, DecisionRequest? body, HttpContext http, DecideApplication.DecideApplication decide, CancellationToken ct) =>
                (await decide.WithdrawAsync(Actor.From(http.User), id, body, ct)).ToHttp())
            .RequireAuthorization(ApplicationsWithdraw);
        applications.MapPost("/{id:guid}/pay-fee", async (Guid id, HttpContext http, DecideApplication.DecideApplication decide, CancellationToken ct) =>
                (await decide.PayFeeAsync(Actor.From(http.User), id, ct)).ToHttp())
            .RequireAuthorization(ApplicationsWithdraw)
            .WithSummary("Record the state fee as paid: the permits become valid from today.");

        applications.MapGet("", async (string? regionCode, string? status, bool? overdue, int? page, int? pageSize, HttpContext http, WorkQueues queues,
                CancellationToken ct) =>
                (await queues.ApplicationsAsync(Actor.From(http.User), regionCode, status, overdue ?? false, page, pageSize, ct)).ToHttp())
            .RequireAuthorization(ApplicationsRead)
            .WithSummary("The work queue: applications by decision due date with an overdue flag (officers: own region; employers: own BIN).");

        var permits = app.MapGroup("/api/v1/permits").WithTags("Work permits").RequireAuthorization(PermitsRead);
        MapPermitLifecycle(permits);
        permits.MapGet("", async (string? employerBin, int? page, int? pageSize, HttpContext http, PermitQueries q, CancellationToken ct) =>
            (await q.ListAsync(Actor.From(http.User), employerBin, page, pageSize, ct)).ToHttp());
        permits.MapGet("/{number}", async (string number, HttpContext http, PermitQueries q, CancellationToken ct) =>
            (await q.GetAsync(Actor.From(http.User), number, ct)).ToHttp());

        app.MapGet("/api/v1/public/permits/{number}/verify", async (string number, PermitQueries q, CancellationToken ct) =>
                (await q.VerifyAsync(number, ct)).ToHttp())
            .AllowAnonymous().WithTags("Public")
            .WithSummary("Anyone can check a permit by its number; no personal data of the worker is shown.");

        MapHouseholdPermits(app);

        var quotas = app.MapGroup("/api/v1/quotas").WithTags("Quotas");
        quotas.MapGet("", async (int? year, string? regionCode, string? category, HttpContext http, QuotaAdministration admin, CancellationToken ct) =>
                (await admin.ListAsync(Actor.From(http.User), year, regionCode, category, ct)).ToHttp())
            .RequireAuthorization(QuotasRead);
        quotas.MapPut("/{year:int}/{regionCode}/{category}", async (int year, string regionCode, string category, QuotaRevisionRequest body,
                HttpContext http, QuotaAdministration admin, CancellationToken ct) =>
                (await admin.ReviseAsync(Actor.From(http.User), year, regionCode, category, body, ct)).ToHttp())
            .RequireAuthorization(QuotasManage)
            .WithSummary("Set or revise a cap, with the reason; a cap below reserved + used places is refused (422).");
    }

    /// <summary>After issue: extension and replacement requests and their decisions, revocation, the certificate, the requests queue.</summary>
    static void MapPermitLifecycle(RouteGroupBuilder permits)
    {
        permits.MapGet("/requests", async (string? regionCode, string? kind, string? status, bool? overdue, int? page, int? pageSize, HttpContext http,
                WorkQueues queues, CancellationToken ct) =>
                (await queues.RequestsAsync(Actor.From(http.User), regionCode, kind, status, overdue ?? false, page, pageSize, ct)).ToHttp())
            .WithSummary("Extension and replacement requests (pending by default) by decision due date, with an overdue flag.");
        permits.MapPost("/{number}/extension-requests", async (string number, ExtensionRequestBody? body, HttpContext http, PermitChangeRequests changes,
                CancellationToken ct) =>
                (await changes.RequestExtensionAsync(Actor.From(http.User), number, body, ct))
                    .ToHttp(location: r => $"/api/v1/permits/{r.PermitNumber}/extension-requests/{r.Id}"))
            .RequireAuthorization(PermitChangesRequest).WithIdempotency()
            .WithSummary("Ask to extend a permit (60 to 30 days before it expires, within the category's limits); decided within 3 working days.");
        permits.MapPost("/{number}/replacement", async (string number, ReplacementRequestBody? body, HttpContext http, PermitChangeRequests changes,
                CancellationToken ct) =>
                (await changes.RequestReplacementAsync(Actor.From(http.User), number, body, ct))
                    .ToHttp(location: r => $"/api/v1/permits/{r.PermitNumber}/replacement/{r.Id}"))
            .RequireAuthorization(PermitChangesRequest).WithIdempotency()
            .WithSummary("Ask to replace the permit's worker; decided within 5 working days. The quota place carries over.");
        foreach (var (segment, kind) in new[] { ("extension-requests", ChangeRequestKind.Extension), ("replacement", ChangeRequestKind.Replacement) })
        {
            permits.MapGet($"/{{number}}/{segment}/{{id:guid}}", async (string number, Guid id, HttpContext http, PermitChangeRequests changes,
                    CancellationToken ct) => (await changes.GetAsync(Actor.From(http.User), number, id, kind, ct)).ToHttp());
            permits.MapPost($"/{{number}}/{segment}/{{id:guid}}/approve", async (string number, Guid id, HttpContext http, PermitChangeRequests changes,
                    CancellationToken ct) => (await changes.ApproveAsync(Actor.From(http.User), number, id, kind, ct)).ToHttp())
                .RequireAuthorization(PermitChangesDecide);
            permits.MapPost($"/{{number}}/{segment}/{{id:guid}}/reject", async (string number, Guid id, DecisionRequest? body, HttpContext http,
                    PermitChangeRequests changes, CancellationToken ct) =>
                    (await changes.RejectAsync(Actor.From(http.User), number, id, kind, body, ct)).ToHttp())
                .RequireAuthorization(PermitChangesDecide);
        }
        permits.MapPost("/{number}/revoke", async (string number, DecisionRequest? body, HttpContext http, RevokePermit revoke, CancellationToken ct) =>
                (await revoke.RevokeAsync(Actor.From(http.User), number, body, ct)).ToHttp())
            .RequireAuthorization(PermitsRevoke)
            .WithSummary("Revoke a permit with the reason: it ends today and its quota place is released.");
        permits.MapGet("/{number}/certificate.pdf", async (string number, HttpContext http, PermitCertificate certificate, CancellationToken ct) =>
                !certificate.Available
                    ? (IResult)ResultMapping.Problem(503, "Service unavailable", "Permit certificates are not configured: set Qonys:PdfLicense (see docs/permits.md).",
                        "pdf-license")
                    : (await certificate.PdfAsync(Actor.From(http.User), number, $"{http.Request.Scheme}://{http.Request.Host}", ct))
                    .ToHttp(onSuccess: pdf => TypedResults.File(pdf, "application/pdf", number + ".pdf")))
            .WithSummary("The permit certificate (holder's copy) with a QR code linking to the public verification page.");
    }

    static void MapHouseholdPermits(IEndpointRouteBuilder app)
    {
        var household = app.MapGroup("/api/v1/household-permits").WithTags("Household permits");
        household.MapPost("", async (HouseholdPermitRequest? body, HttpContext http, HouseholdPermits permits, CancellationToken ct) =>
                (await permits.IssueAsync(Actor.From(http.User), body, ct)).ToHttp(location: p => $"/api/v1/household-permits/{p.Number}"))
            .RequireAuthorization(HouseholdSubmit).WithIdempotency()
            .WithSummary("A citizen's permit for a domestic worker: 1–12 months, at most 5 active, income tax of 4 MCI a month prepaid.");
        household.MapGet("", async (string? employerIin, string? regionCode, int? page, int? pageSize, HttpContext http, HouseholdPermits permits,
                CancellationToken ct) => (await permits.ListAsync(Actor.From(http.User), employerIin, regionCode, page, pageSize, ct)).ToHttp())
            .RequireAuthorization(HouseholdRead);
        household.MapGet("/{number}", async (string number, HttpContext http, HouseholdPermits permits, CancellationToken ct) =>
                (await permits.GetAsync(Actor.From(http.User), number, ct)).ToHttp())
            .RequireAuthorization(HouseholdRead);
        household.MapPost("/{number}/employer-change", async (string number, EmployerChangeRequest? body, HttpContext http, HouseholdPermits permits,
                CancellationToken ct) => (await permits.ChangeEmployerAsync(Actor.From(http.User), number, body, ct)).ToHttp())
            .RequireAuthorization(HouseholdChangeEmployer)
            .WithSummary("The worker notifies a change of household employer: the permit moves to the new IIN if that one is under the limit.");
    }
}
