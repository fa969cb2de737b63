namespace Qonys.Web.Modules.AnalyticalCentre.Projections;

/// <summary>POST /api/v1/demography/projections (API.md "Demography").</summary>
internal sealed record ProjectionRequest(
    string? Scenario, int? HorizonYear, string? Regions, int? Trajectories, int? BaseYear);

/// <summary>
/// The answer to a POST: 201 when the run is done (deterministic), 202 with the address to poll otherwise.
/// </summary>
internal sealed record ProjectionAccepted(Guid Id, string Status, string StatusUrl);

internal sealed record QuantilesResponse(double P10, double P50, double P90);

internal sealed record SeriesPoint(
    string RegionCode, int Year, double Total, double Male, double Female, double WorkingAgeShare,
    double AboveWorkingAgeShare, double DependencyRatio, double? Births, double? Deaths,
    double? NetInternationalMigration, double? NetInterRegionalMigration, QuantilesResponse Quantiles);

internal sealed record ProjectionResponse(
    Guid Id, string Status, string Scenario, string ScenarioName, int BaseYear, int HorizonYear, string Regions,
    int Trajectories, double Progress, bool CancelRequested, string? Error, DateTime CreatedAt, DateTime? StartedAt,
    DateTime? FinishedAt, IReadOnlyList<SeriesPoint> Series);

internal sealed record ProjectionSummary(
    Guid Id, string Status, string Scenario, string ScenarioName, int BaseYear, int HorizonYear, string Regions,
    int Trajectories, double Progress, DateTime CreatedAt, DateTime? FinishedAt);

internal sealed record ProjectionPage(IReadOnlyList<ProjectionSummary> Items, int Total, int Page, int PageSize);

internal sealed record PyramidYear(int Year, IReadOnlyList<double> Male, IReadOnlyList<double> Female);

/// <summary>
/// Population by age and sex of one unit: one year, or every year of the run when no year was asked for.
/// </summary>
internal sealed record PyramidResponse(
    Guid RunId, string RegionCode, string Groups, IReadOnlyList<string> Ages, IReadOnlyList<PyramidYear> Years);
