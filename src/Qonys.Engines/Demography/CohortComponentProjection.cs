namespace Qonys.Engines.Demography;

/// <summary>
/// Deterministic cohort-component projection by sex and single year of age (0 … 100+), annual steps from 1 January 2026,
/// for the nation and the 20 regions (regions constrained to add up to the nation).
/// </summary>
public static class CohortComponentProjection
{
    /// <summary>Runs a scenario. Reports progress in [0, 1] after each projected year; honours cancellation between years.</summary>
    public static ProjectionResult Run(ProjectionModel model, ScenarioDefinition scenario,
        IProgress<double>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(scenario);
        var run = new ProjectionRun(model, scenario, ScenarioSchedule.Create(model, scenario));
        var sink = new SnapshotSink(model);
        var steps = model.Steps.Length;
        run.Run(TrajectoryPath.Deterministic(model, scenario), sink, cancellation, i => progress?.Report((i + 1.0) / steps));
        return new ProjectionResult(scenario, sink.Build());
    }

    private sealed class SnapshotSink(ProjectionModel model) : IProjectionSink
    {
        private readonly int _years = model.Steps.Length + 1;
        private readonly Dictionary<(int Year, int Unit), (double[] Cells, AnnualFlows? Flows)> _data = [];

        public void Population(int yearIndex, int unit, ReadOnlySpan<double> cells)
        {
            var flows = _data.TryGetValue((yearIndex, unit), out var existing) ? existing.Flows : null;
            _data[(yearIndex, unit)] = (cells.ToArray(), flows);
        }

        public void Flows(int yearIndex, int unit, in AnnualFlows flows)
        {
            var cells = _data[(yearIndex, unit)].Cells;
            _data[(yearIndex, unit)] = (cells, flows);
        }

        public List<UnitProjection> Build()
        {
            var codes = new[] { RegionalInputs.Country }.Concat(model.Regions.Select(r => r.Code)).ToArray();
            return codes.Select((code, unit) => new UnitProjection(code, Enumerable.Range(0, _years).Select(i =>
            {
                var (cells, flows) = _data[(i, unit)];
                var year = ProjectionSettings.BaseYear + i;
                return new PopulationSnapshot(year, cells[..AgeGrid.Count], cells[AgeGrid.Count..], flows, model.Settings.StatutoryAges.For(year));
            }).ToArray())).ToList();
        }
    }
}
