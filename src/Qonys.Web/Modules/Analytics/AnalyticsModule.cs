namespace Qonys.Web.Modules.Analytics;

/// <summary>The analytical centre's core figures (PRODUCT.md §2.7, API.md "Analytics (core contract)"); every list also answers text/csv.</summary>
internal sealed class AnalyticsModule : IModule
{
    public const string ForeignWorkersRead = "analytics.foreign_workers.read";
    public const string HouseholdWorkersRead = "analytics.household_workers.read";
    public const string EmployersRead = "analytics.employers_using_foreign_labour.read";
    public const string OffencesRead = "analytics.offences.read";

    public void AddServices(IServiceCollection services, QonysOptions options)
    {
        Permissions.Grant(ForeignWorkersRead, Roles.Analyst, Roles.Administrator, Roles.Officer);
        Permissions.Grant(HouseholdWorkersRead, Roles.Analyst, Roles.Administrator, Roles.Officer);
        Permissions.Grant(EmployersRead, Roles.Analyst, Roles.Administrator, Roles.Officer);
        Permissions.Grant(OffencesRead, Roles.Analyst, Roles.Administrator, Roles.Officer, Roles.Inspector);
        services.AddScoped<AnalyticsQueries>();
        services.AddNavigationEntry("/analytics/foreign-workers", "nav.workers", ForeignWorkersRead);
    }

    public void MapEndpoints(IEndpointRouteBuilder app) => app.MapAnalyticsApi();
}
