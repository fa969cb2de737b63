using Qonys.Web.Modules.Demography.LabourDeficit;
using Qonys.Web.Modules.Demography.Projections;
using Qonys.Web.Modules.Demography.Scenarios;

namespace Qonys.Web.Modules.Demography;

/// <summary>
/// The analytical centre's demography (PRODUCT.md §2.7): projections (API.md "Demography"), stored policy scenarios,
/// the region labour-deficit index, their exports and the analyst pages under /analytics.
/// </summary>
internal sealed class DemographyModule : IModule
{
    public const string ProjectionsRun = "demography.projections.run";
    public const string ProjectionsRead = "demography.projections.read";
    public const string ScenariosManage = "demography.scenarios.manage";
    public const string IndexRead = "demography.labour_deficit.read";

    public void AddServices(IServiceCollection services, QonysOptions options)
    {
        Permissions.Grant(ProjectionsRun, Roles.Analyst, Roles.Administrator);
        Permissions.Grant(ProjectionsRead, Roles.Analyst, Roles.Administrator);
        Permissions.Grant(ScenariosManage, Roles.Analyst, Roles.Administrator);
        Permissions.Grant(IndexRead, Roles.Analyst, Roles.Administrator);
        // The analytical centre's entry in the main menu, and its section menu (the forecasts page adds its own link).
        services.AddNavigationEntry("/analytics/projections", "nav.analytics_centre", ProjectionsRead);
        services.AddSectionLink("analytics", "/analytics/projections", "analytics.nav.projections", 10);
        services.AddSectionLink("analytics", "/analytics/scenarios", "analytics.nav.scenarios", 20);
        services.AddSectionLink("analytics", "/analytics/labour-deficit", "analytics.nav.labour_deficit", 40);
        services.AddSingleton<DemographyInputs>();
        services.AddSingleton<Contracts.IInterRegionalArrivals, InterRegionalArrivals>();
        services.AddSingleton<ProjectionComputation>();
        services.AddSingleton<ProjectionQueueSignal>();
        services.AddSingleton<LabourDeficitIndex>();
        services.AddScoped<ScenarioCatalogue>();
        services.AddScoped<ProjectionRuns>();
        services.AddScoped<ProjectionWorker>();
        services.AddOptions<ProjectionJobOptions>().BindConfiguration("Qonys:Jobs");
        if (options.Jobs.RunBackgroundJobs) services.AddPeriodicJob<ProjectionJob>();
    }

    public void MapEndpoints(IEndpointRouteBuilder app) => app.MapDemographyApi();
}
