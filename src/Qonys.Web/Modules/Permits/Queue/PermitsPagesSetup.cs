using Qonys.Web.Modules.Permits.Assessment;
using Qonys.Web.Modules.Permits.SubmitApplication;

namespace Qonys.Web.Modules.Permits.Queue;

/// <summary>The use cases behind the permit pages and their menu entries.</summary>
internal static class PermitsPagesSetup
{
    public static void AddPermitsPages(this IServiceCollection services)
    {
        services.AddScoped<ApplicationFormChoices>();
        services.AddScoped<PermitScorecardAssessment>();
        services.AddNavigationEntry("/permits/apply", "nav.permits.apply", PermitsModule.ApplicationsSubmit);
        services.AddNavigationEntry("/permits", "nav.permits", PermitsModule.ApplicationsRead);
        services.AddNavigationEntry("/permits/queue", "nav.permits.queue", PermitsModule.ApplicationsDecide);
        services.AddNavigationEntry("/quotas", "nav.quotas", PermitsModule.QuotasRead);
        services.AddAnonymousPage("/Modules/Permits/Pages/Verify");
    }
}
