using Qonys.Engines.Demography;
using Qonys.Engines.Scoring;
using Qonys.Web.Modules.AnalyticalCentre.Exports;
using Qonys.Web.Modules.AnalyticalCentre.Projections;

namespace Qonys.Web.Modules.AnalyticalCentre.LabourDeficit;

internal sealed record ScorecardInfo(string Key, int Version, string Title, DateOnly EffectiveFrom, string Source);

internal sealed record CriterionBreakdown(
    string Criterion, string Title, string Fact, double? Value, string? Band, decimal Points, decimal PointsAfterCap);

internal sealed record RegionName(string En, string Kk, string Ru);

internal sealed record LabourDeficitRegion(
    string RegionCode, RegionName Name, decimal Total, int Rank, IReadOnlyList<CriterionBreakdown> Breakdown);

internal sealed record LabourDeficitResponse(ScorecardInfo Scorecard, string Scenario, int BaseYear, int ComparisonYear,
    IReadOnlyList<LabourDeficitRegion> Items);

/// <summary>
/// The region labour-deficit index: the shipped scorecard "region-labour-deficit" (the version it carries; stored,
/// administrator-edited scorecards are not read here) evaluated for each of the 20 regions on facts from the
/// baseline projection and the regional statistics. Inputs are fixed data, so the index is computed once per process.
/// </summary>
internal sealed class LabourDeficitIndex(DemographyInputs inputs)
{
    public const string ScorecardKey = "region-labour-deficit";
    readonly Lazy<LabourDeficitResponse> _index = new(
        () => Compute(inputs), LazyThreadSafetyMode.ExecutionAndPublication);

    public LabourDeficitResponse Get() => _index.Value;

    static LabourDeficitResponse Compute(DemographyInputs inputs)
    {
        var scorecard = ShippedScorecards.Get(ScorecardKey);
        var baseline = CohortComponentProjection.Run(inputs.Model, ScenarioDefinition.Baseline);
        var baseYear = ProjectionSettings.BaseYear;
        var comparisonYear = baseYear + LabourDeficitFacts.ChangeYears;
        var populations = inputs.Regional.Population.Select(p => (p.Code, p.Year, Persons: p.Male + p.Female)).ToList();
        var scored = inputs.Regional.Regions.Select(region =>
        {
            var unit = baseline[region.Code];
            var stats = LabourDeficitFacts.Statistics(region.Code, inputs.UnemploymentRates, inputs.Wages,
                inputs.InternalMigration, populations);
            var facts = LabourDeficitFacts.For(unit.At(baseYear), unit.At(comparisonYear), stats);
            return (Region: region, Result: ScorecardEvaluator.Evaluate(scorecard, facts));
        }).ToList();
        var items = scored
            .OrderByDescending(s => s.Result.Total).ThenBy(s => s.Region.Code, StringComparer.Ordinal)
            .Select(s => new LabourDeficitRegion(
                s.Region.Code,
                new RegionName(s.Region.NameEn, s.Region.NameKk, s.Region.NameRu),
                s.Result.Total,
                1 + scored.Count(o => o.Result.Total > s.Result.Total),
                s.Result.Criteria.Select(c => new CriterionBreakdown(c.CriterionKey, c.Title, c.Fact,
                    c.FactValue?.Number, c.BandLabel, c.Points, c.PointsAfterCap)).ToList()))
            .ToList();
        return new LabourDeficitResponse(
            new ScorecardInfo(scorecard.Key, scorecard.Version, scorecard.Title, scorecard.EffectiveFrom, "shipped"),
            "baseline", baseYear, comparisonYear, items);
    }

    /// <summary>One row per region: rank, total, then each criterion's fact, band and points.</summary>
    public TableExport Export()
    {
        var index = Get();
        var criteria = index.Items.Count == 0 ? [] : index.Items[0].Breakdown;
        var headers = new List<string> { "rank", "region_code", "region", "total" };
        foreach (var c in criteria) headers.AddRange([c.Fact, c.Criterion + "_band", c.Criterion + "_points"]);
        headers.Add("scorecard_version");
        var rows = index.Items.Select(i =>
        {
            var row = new List<object?> { i.Rank, i.RegionCode, i.Name.En, i.Total };
            foreach (var c in i.Breakdown) row.AddRange([c.Value, c.Band, c.PointsAfterCap]);
            row.Add(index.Scorecard.Key + " v" + index.Scorecard.Version);
            return (IReadOnlyList<object?>)row;
        }).ToList();
        return new TableExport("Labour-deficit index", headers, rows);
    }
}
