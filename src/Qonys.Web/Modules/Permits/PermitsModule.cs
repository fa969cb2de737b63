using Qonys.Web.Modules.Permits.Access;
using Qonys.Web.Modules.Permits.Certificate;
using Qonys.Web.Modules.Permits.ChangePermits;
using Qonys.Web.Modules.Permits.Decisions;
using Qonys.Web.Modules.Permits.Domain;
using Qonys.Web.Modules.Permits.Events;
using Qonys.Web.Modules.Integration.Contracts;
using Qonys.Web.Modules.Permits.Household;
using Qonys.Web.Modules.Permits.Lifecycle;
using Qonys.Web.Modules.Permits.Payments;
using Qonys.Web.Modules.Permits.Presence;
using Qonys.Web.Modules.Permits.Queue;
using Qonys.Web.Modules.Permits.Quotas;
using Qonys.Web.Modules.Permits.Register;
using Qonys.Web.Modules.Permits.SubmitApplication;
using Qonys.Web.Modules.Permits.ViewPermits;

namespace Qonys.Web.Modules.Permits;

/// <summary>Work permits for foreign labour and the quota ledger (PRODUCT.md §2.2–2.3).</summary>
internal sealed class PermitsModule : IModule
{
    public const string ApplicationsSubmit = "permits.applications.submit";
    public const string ApplicationsRead = "permits.applications.read";
    public const string ApplicationsDecide = "permits.applications.decide";
    public const string ApplicationsWithdraw = "permits.applications.withdraw";
    public const string PermitsRead = "permits.read";
    public const string PermitCertificates = "permits.certificate";
    public const string QuotasRead = "quotas.read";
    public const string QuotasManage = "quotas.manage";
    public const string PermitChangesRequest = "permits.changes.request";
    public const string PermitChangesDecide = "permits.changes.decide";
    public const string PermitsRevoke = "permits.revoke";
    public const string HouseholdSubmit = "permits.household.submit";
    public const string HouseholdRead = "permits.household.read";
    public const string HouseholdList = "permits.household.list";
    public const string HouseholdChangeEmployer = "permits.household.change_employer";

    public void AddServices(IServiceCollection services, QonysOptions options)
    {
        services.AddPermission(ApplicationsSubmit, Roles.Employer, Roles.Officer, Roles.Administrator);
        services.AddPermission(ApplicationsRead, Roles.Employer, Roles.Officer, Roles.Inspector, Roles.Administrator);
        services.AddPermission(ApplicationsDecide, Roles.Officer, Roles.Administrator);
        services.AddPermission(ApplicationsWithdraw, Roles.Employer, Roles.Administrator);
        services.AddPermission(PermitsRead, Roles.Employer, Roles.Officer, Roles.Inspector, Roles.Administrator, Roles.Analyst);
        services.AddPermission(PermitCertificates, PermitAccess.RolesOf(PermitOperations.Certificate));
        services.AddPermission(QuotasRead, Roles.Employer, Roles.Officer, Roles.Inspector, Roles.Administrator, Roles.Analyst);
        services.AddPermission(QuotasManage, Roles.Administrator);
        services.AddPermitsDoors();
        services.AddPermitsOutboundEvents();
        services.AddScoped<PermitAssessment>();
        services.AddScoped<SubmitPermitApplication>();
        services.AddScoped<PermitApplicationView>();
        services.AddScoped<DecideApplication>();
        services.AddScoped<QuotaBook>();
        services.AddScoped<QuotaAdministration>();
        services.AddScoped<PermitQueries>();
        services.AddScoped<Platform.Demo.IDemoDataContributor, Demo.ForeignWorkforceDemoPlan>();
        services.AddScoped<Platform.Demo.IDemoDataContributor, Demo.PermitsDemoData>();
        services.AddScoped<Platform.Demo.IDemoDataContributor, Demo.HouseholdPermitsDemoData>();

        services.AddPermission(PermitChangesRequest, Roles.Employer, Roles.Administrator);
        services.AddPermission(PermitChangesDecide, Roles.Officer, Roles.Administrator);
        services.AddPermission(PermitsRevoke, Roles.Officer, Roles.Administrator);
        // The household routes let in exactly the roles the record kind's access rule grants the operation to.
        services.AddPermission(HouseholdSubmit, HouseholdPermitAccess.RolesOf(HouseholdPermitOperations.Issue));
        services.AddPermission(HouseholdRead, HouseholdPermitAccess.RolesOf(HouseholdPermitOperations.Read));
        services.AddPermission(HouseholdList, HouseholdPermitAccess.RolesOf(HouseholdPermitOperations.List));
        services.AddPermission(HouseholdChangeEmployer, HouseholdPermitAccess.RolesOf(HouseholdPermitOperations.ChangeEmployer));
        services.AddScoped<PermitScope>();
        services.AddScoped<PermitChangeRequests>();
        services.AddScoped<RevokePermit>();
        services.AddScoped<PermitLifecycleSweep>();
        services.AddScoped<WorkQueue>();
        services.AddScoped<Support.Contracts.ISupportCaseKind, Access.PermitApplicationSupportCase>();
        services.AddScoped<HouseholdPermits>();
        services.AddScoped<PermitCertificate>();
        services.AddOptions<PermitJobOptions>().BindConfiguration("Qonys:Jobs");
        services.AddOptions<PermitDocumentOptions>().BindConfiguration("Qonys");
        PermitsPagesSetup.AddPermitsPages(services);
        services.AddInboundEventHandler<FeePaymentReceived, PaymentReceivedPayload>("payment_received",
            "Payment gateway: a state fee was paid (the application's id is the payment reference).");
        services.AddInboundEventHandler<BorderCrossingHandler, BorderCrossingPayload>("border_crossing",
            "Border service: a foreign worker entered or left the country.");
        services.AddInboundEventHandler<HostNotificationHandler, HostNotificationPayload>("host_notification",
            "e-Qonaq: a host notified where a foreign worker stays.");
        if (options.IsDemo) services.AddScoped<IFeePaymentGateway, DemoPaymentGateway>();
        if (options.Jobs.RunBackgroundJobs) services.AddPeriodicJob<PermitLifecycleJob>();
    }

    public void MapEndpoints(IEndpointRouteBuilder app) => app.MapPermitsApi();
}
