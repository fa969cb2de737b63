using Qonys.Engines.Demography;
using Qonys.Web.Modules.AnalyticalCentre.Domain;

namespace Qonys.Web.Modules.AnalyticalCentre.Projections;

/// <summary>
/// Runs the engine for one stored run. The series, shares and pyramids are those of the deterministic projection of
/// the scenario (its central path); a probabilistic run adds the p10/p50/p90 of the total from its trajectories.
/// </summary>
internal sealed class ProjectionComputation(DemographyInputs inputs)
{
    /// <summary>Trajectories run on at most this many threads: the machine is shared with the web requests.</summary>
    public static readonly int Threads = Math.Max(1, Environment.ProcessorCount);

    public IReadOnlyList<ProjectionResultRow> Run(
        ProjectionRunRecord run, IProgress<double>? progress, CancellationToken ct)
    {
        var model = inputs.Model;
        var scenario = ScenarioDefinition.FromJson(run.ScenarioJson);
        var allRegions = run.Regions == ProjectionCoverage.All;
        if (run.Trajectories == 0)
        {
            var result = CohortComponentProjection.Run(model, scenario, progress, ct);
            return ProjectionSeriesMapping.Rows(run.Id, result, run.HorizonYear, allRegions, null);
        }
        var central = CohortComponentProjection.Run(model, scenario, null, ct);
        var probabilistic = ProbabilisticProjection.Run(model, scenario,
            new ProbabilisticSettings(run.Trajectories, (ulong)run.Seed, MaxDegreeOfParallelism: Threads), progress,
            ct);
        return ProjectionSeriesMapping.Rows(run.Id, central, run.HorizonYear, allRegions,
            (unit, year) => probabilistic.Quantiles(unit, ProjectionIndicator.Total, year));
    }
}
