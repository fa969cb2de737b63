namespace Qonys.ArchitectureTests;

/// <summary>
/// The violations the renovation (issue 9) is removing, listed so that the rules run today and no new one can be
/// added: a test fails when a violation appears that is not listed, and when a listed one is gone (remove its line).
/// Both lists end empty.
/// </summary>
internal static class KnownViolations
{
    public static readonly string[] PlatformOnModules =
    [
        "Qonys.Web.Platform.Demo.DemoBulkWriters",
        "Qonys.Web.Platform.Demo.DemoDataSet",
        "Qonys.Web.Platform.Demo.DemoGenerator",
        "Qonys.Web.Platform.Demo.DemoRecords",
        "Qonys.Web.Platform.Demo.DemoTables",
    ];
    public static readonly string[] ModulesThroughWalls =
    [
        "Qonys.Web.Modules.Analytics.AnalyticsQueries (Compliance beyond its door)",
        "Qonys.Web.Modules.Analytics.AnalyticsQueries (Permits beyond its door)",
        "Qonys.Web.Modules.Analytics.Pages.WorkersOnDateModel (Permits beyond its door)",
        "Qonys.Web.Modules.Forecasts.ForecastSeriesCatalogue (Demography beyond its door)",
        "Qonys.Web.Modules.Forecasts.ForecastSeriesCatalogue (Permits beyond its door)",
        "Qonys.Web.Modules.Permits.SubmitApplication.PermitAssessment (Compliance beyond its door)",
        "Qonys.Web.Modules.Permits.Assessment.PermitScorecardAssessment (Registry beyond its door)",
        "Qonys.Web.Modules.Permits.Certificate.PermitCertificate (Registry beyond its door)",
        "Qonys.Web.Modules.Permits.Household.HouseholdPermits (Registry beyond its door)",
        "Qonys.Web.Modules.Permits.Queue.ApplicationFormChoices (Registry beyond its door)",
        "Qonys.Web.Modules.Permits.Queue.CaseLists (Registry beyond its door)",
        "Qonys.Web.Modules.Permits.SubmitApplication.PermitAssessment (Registry beyond its door)",
        "Qonys.Web.Modules.Permits.SubmitApplication.SubmitPermitApplication (Registry beyond its door)",
        "Qonys.Web.Modules.Permits.SubmitApplication.ValidatedApplication (Registry beyond its door)",
        "Qonys.Web.Modules.Permits.ViewPermits.PermitQueries (Registry beyond its door)",
    ];
}
