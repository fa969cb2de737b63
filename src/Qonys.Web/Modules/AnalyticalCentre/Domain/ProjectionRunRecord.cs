namespace Qonys.Web.Modules.AnalyticalCentre.Domain;

/// <summary>
/// One projection run as asked for: the scenario (a snapshot of its definition), horizon, coverage and number of
/// trajectories, with its state in the background queue. Deterministic runs are done before the request returns;
/// probabilistic ones wait as <see cref="ProjectionStatus.Queued"/> until a node claims them with a lease.
/// </summary>
internal sealed class ProjectionRunRecord
{
    public Guid Id { get; set; }
    public string ScenarioKey { get; set; } = "";
    public string ScenarioName { get; set; } = "";
    public string ScenarioJson { get; set; } = "";
    public int BaseYear { get; set; }
    public int HorizonYear { get; set; }
    /// <summary><see cref="ProjectionCoverage.National"/> or <see cref="ProjectionCoverage.All"/>.</summary>
    public string Regions { get; set; } = ProjectionCoverage.National;
    public int Trajectories { get; set; }
    public long Seed { get; set; }
    public string Status { get; set; } = ProjectionStatus.Queued;
    /// <summary>Per cent done, 0 … 100.</summary>
    public double Progress { get; set; }
    public bool CancelRequested { get; set; }
    public string? Error { get; set; }
    public Guid CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTime? LeaseUntil { get; set; }
}

internal static class ProjectionStatus
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Done = "done";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";

    public static bool IsFinal(string status) => status is Done or Failed or Cancelled;
}

internal static class ProjectionCoverage
{
    public const string National = "national";
    public const string All = "all";
}

/// <summary>
/// The stored output of a run for one unit ("KZ" or a region) and one 1 January: persons (not thousands), shares as
/// fractions, the calendar-year flows (null in the horizon year), quantiles of the total and the single-year pyramid.
/// </summary>
internal sealed class ProjectionResultRow
{
    public Guid RunId { get; set; }
    public string RegionCode { get; set; } = "";
    public int Year { get; set; }
    public double Total { get; set; }
    public double Male { get; set; }
    public double Female { get; set; }
    public double WorkingAgeShare { get; set; }
    public double AboveWorkingAgeShare { get; set; }
    public double DependencyRatio { get; set; }
    public double? Births { get; set; }
    public double? Deaths { get; set; }
    public double? NetInternationalMigration { get; set; }
    public double? NetInterRegionalMigration { get; set; }
    public double P10 { get; set; }
    public double P50 { get; set; }
    public double P90 { get; set; }
    /// <summary>JSON array of 101 counts (ages 0 … 99 and 100+), persons.</summary>
    public string MaleAges { get; set; } = "[]";
    /// <summary>JSON array of 101 counts, persons.</summary>
    public string FemaleAges { get; set; } = "[]";
}

/// <summary>A user-defined policy scenario stored with a name: the engine's ScenarioDefinition JSON.</summary>
internal sealed class PolicyScenario
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string DefinitionJson { get; set; } = "";
    public Guid CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
}
