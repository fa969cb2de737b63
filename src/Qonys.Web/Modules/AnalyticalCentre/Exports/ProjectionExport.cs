using Qonys.Web.Modules.AnalyticalCentre.Domain;

namespace Qonys.Web.Modules.AnalyticalCentre.Exports;

/// <summary>
/// The series of a run as a table: one row per unit and 1 January, persons and fractions as in the API.
/// </summary>
internal static class ProjectionExport
{
    public static readonly IReadOnlyList<string> Headers =
    [
        "region_code", "year", "total", "male", "female", "working_age_share", "above_working_age_share",
        "dependency_ratio",
        "births", "deaths", "net_international_migration", "net_inter_regional_migration", "p10", "p50", "p90",
    ];

    public static TableExport Table(ProjectionRunRecord run, IReadOnlyList<ProjectionResultRow> rows) =>
        new($"Projection {run.HorizonYear}", Headers, rows.Select(r => (IReadOnlyList<object?>)
        [
            r.RegionCode, r.Year, r.Total, r.Male, r.Female, r.WorkingAgeShare, r.AboveWorkingAgeShare,
            r.DependencyRatio,
            r.Births, r.Deaths, r.NetInternationalMigration, r.NetInterRegionalMigration, r.P10, r.P50, r.P90,
        ]).ToList());

    public static string FileName(ProjectionRunRecord run, string extension) =>
        $"projection-{run.ScenarioKey}-{run.HorizonYear}-{run.Id.ToString("N")[..8]}.{extension}";
}
