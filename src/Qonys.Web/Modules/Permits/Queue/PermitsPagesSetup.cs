using Qonys.Web.Modules.Permits.Assessment;
using Qonys.Web.Modules.Permits.SubmitApplication;

namespace Qonys.Web.Modules.Permits.Queue;

/// <summary>The use cases behind the permit pages and their menu entries.</summary>
public static class PermitsPagesSetup
{
    public static void AddPermitsPages(this IServiceCollection services)
    {
        services.AddScoped<ApplicationFormChoices>();
        services.AddScoped<PermitScorecardAssessment>();
        Navigation.Add(new("/permits/apply", "nav.permits.apply", PermitsModule.ApplicationsSubmit));
        Navigation.Add(new("/permits", "nav.permits", PermitsModule.ApplicationsRead));
        Navigation.Add(new("/permits/queue", "nav.permits.queue", PermitsModule.ApplicationsDecide));
        Navigation.Add(new("/quotas", "nav.quotas", PermitsModule.QuotasRead));
    }
}
