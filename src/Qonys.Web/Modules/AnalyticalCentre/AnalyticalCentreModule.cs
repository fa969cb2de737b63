using Qonys.Web.Modules.AnalyticalCentre.Figures;
using Qonys.Web.Modules.AnalyticalCentre.Forecasts;
using Qonys.Web.Modules.AnalyticalCentre.LabourDeficit;
using Qonys.Web.Modules.AnalyticalCentre.Projections;
using Qonys.Web.Modules.AnalyticalCentre.Scenarios;

namespace Qonys.Web.Modules.AnalyticalCentre;

/// <summary>
/// The analytical centre (PRODUCT.md §2.7), one module in areas: the core figures counted from what the operational
/// modules publish (Figures, API.md "Analytics"), population projections on the shipped statistics (Projections),
/// stored policy scenarios (Scenarios), the region labour-deficit index (LabourDeficit), monthly flow forecasts with
/// back-tests (Forecasts), their exports and the analyst pages under /analytics.
/// </summary>
internal sealed class AnalyticalCentreModule : IModule
{
    public const string ForeignWorkersRead = "analytics.foreign_workers.read";
    public const string HouseholdWorkersRead = "analytics.household_workers.read";
    public const string EmployersRead = "analytics.employers_using_foreign_labour.read";
    public const string OffencesRead = "analytics.offences.read";
    public const string ProjectionsRun = "demography.projections.run";
    public const string ProjectionsRead = "demography.projections.read";
    public const string ScenariosManage = "demography.scenarios.manage";
    public const string IndexRead = "demography.labour_deficit.read";
    public const string ForecastsRead = "forecasts.read";

    public void AddServices(IServiceCollection services, QonysOptions options)
    {
        services.AddPermission(ForeignWorkersRead, Roles.Analyst, Roles.Administrator, Roles.Officer);
        services.AddPermission(HouseholdWorkersRead, Roles.Analyst, Roles.Administrator, Roles.Officer);
        services.AddPermission(EmployersRead, Roles.Analyst, Roles.Administrator, Roles.Officer);
        services.AddPermission(OffencesRead, Roles.Analyst, Roles.Administrator, Roles.Officer, Roles.Inspector);
        services.AddPermission(ProjectionsRun, Roles.Analyst, Roles.Administrator);
        services.AddPermission(ProjectionsRead, Roles.Analyst, Roles.Administrator);
        services.AddPermission(ScenariosManage, Roles.Analyst, Roles.Administrator);
        services.AddPermission(IndexRead, Roles.Analyst, Roles.Administrator);
        services.AddPermission(ForecastsRead, Roles.Analyst, Roles.Administrator);

        // Two entries in the main menu (the figures, the centre), and the centre's own section menu.
        services.AddNavigationEntry("/analytics/foreign-workers", "nav.workers", ForeignWorkersRead);
        services.AddNavigationEntry("/analytics/projections", "nav.analytics_centre", ProjectionsRead);
        services.AddSectionLink("analytics", "/analytics/projections", "analytics.nav.projections", 10);
        services.AddSectionLink("analytics", "/analytics/scenarios", "analytics.nav.scenarios", 20);
        services.AddSectionLink("analytics", "/analytics/forecasts", "analytics.nav.forecasts", 30);
        services.AddSectionLink("analytics", "/analytics/labour-deficit", "analytics.nav.labour_deficit", 40);

        services.AddScoped<AnalyticsQueries>();
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
        services.AddScoped<ForecastSeriesCatalogue>();
        services.AddScoped<SeriesForecasting>();
    }

    /// <summary>
    /// The centre's API in its three URL groups: /api/v1/analytics, /api/v1/demography, /api/v1/forecasts.
    /// </summary>
    public void MapEndpoints(IEndpointRouteBuilder app)
    {
        app.MapAnalyticsApi();
        app.MapDemographyApi();
        app.MapForecastsApi();
    }
}
