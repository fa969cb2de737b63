using Qonys.Web.Modules.Permits.DecideApplication;
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

        var permits = app.MapGroup("/api/v1/permits").WithTags("Work permits").RequireAuthorization(PermitsRead);
        permits.MapGet("", async (string? employerBin, int? page, int? pageSize, HttpContext http, PermitQueries q, CancellationToken ct) =>
            (await q.ListAsync(Actor.From(http.User), employerBin, page, pageSize, ct)).ToHttp());
        permits.MapGet("/{number}", async (string number, HttpContext http, PermitQueries q, CancellationToken ct) =>
            (await q.GetAsync(Actor.From(http.User), number, ct)).ToHttp());

        app.MapGet("/api/v1/public/permits/{number}/verify", async (string number, PermitQueries q, CancellationToken ct) =>
                (await q.VerifyAsync(number, ct)).ToHttp())
            .AllowAnonymous().WithTags("Public")
            .WithSummary("Anyone can check a permit by its number; no personal data of the worker is shown.");

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
}
