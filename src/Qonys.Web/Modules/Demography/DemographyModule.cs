using Qonys.Web.Modules.Demography.LabourDeficit;
using Qonys.Web.Modules.Demography.Projections;
using Qonys.Web.Modules.Demography.Scenarios;

namespace Qonys.Web.Modules.Demography;

/// <summary>
/// The analytical centre's demography (PRODUCT.md §2.7): projections (API.md "Demography"), stored policy scenarios,
/// the region labour-deficit index, their exports and the analyst pages under /analytics.
/// </summary>
public static class DemographyModule
{
    public const string ProjectionsRun = "demography.projections.run";
    public const string ProjectionsRead = "demography.projections.read";
    public const string ScenariosManage = "demography.scenarios.manage";
    public const string IndexRead = "demography.labour_deficit.read";

    public static void AddDemographyModule(this IServiceCollection services, QonysOptions options)
    {
        Permissions.Grant(ProjectionsRun, Roles.Analyst, Roles.Administrator);
        Permissions.Grant(ProjectionsRead, Roles.Analyst, Roles.Administrator);
        Permissions.Grant(ScenariosManage, Roles.Analyst, Roles.Administrator);
        Permissions.Grant(IndexRead, Roles.Analyst, Roles.Administrator);
        Navigation.Add(new Navigation.Item("/analytics/projections", "nav.analytics_centre", ProjectionsRead));
        services.AddSingleton<DemographyInputs>();
        services.AddSingleton<Contracts.IInterRegionalArrivals, InterRegionalArrivals>();
        services.AddSingleton<ProjectionComputation>();
        services.AddSingleton<ProjectionQueueSignal>();
        services.AddSingleton<LabourDeficitIndex>();
        services.AddScoped<ScenarioCatalogue>();
        services.AddScoped<ProjectionRuns>();
        services.AddScoped<ProjectionWorker>();
        if (options.Jobs.RunBackgroundJobs) services.AddHostedService<ProjectionJob>();
    }
}
