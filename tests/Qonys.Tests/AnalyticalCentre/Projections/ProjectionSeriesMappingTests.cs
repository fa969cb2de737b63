using Qonys.Engines.Demography;
using Qonys.Web.Modules.AnalyticalCentre.Projections;

namespace Qonys.Tests.AnalyticalCentre.Projections;

public sealed class ProjectionSeriesMappingTests
{
    static readonly StatutoryAgeRule Rule = new(2000, 16, 63, 61);

    /// <summary>1 thousand men and 2 thousand women at every single age 0 … 100+.</summary>
    static PopulationSnapshot Flat(int year, AnnualFlows? flows = null) =>
        new(year, Enumerable.Repeat(1.0, 101).ToArray(), Enumerable.Repeat(2.0, 101).ToArray(), flows, Rule);

    [Fact]
    public void Thousands_become_whole_persons_and_shares_fractions()
    {
        var row = ProjectionSeriesMapping.Row(Guid.Empty, "KZ-35", Flat(2030, new AnnualFlows(4.5, 1.25, -0.0125, 0.3)),
            isHorizon: false, null);

        // 101 ages × 1 thousand men = 101,000; × 2 thousand women = 202,000; together 303,000 persons.
        row.Male.ShouldBe(101_000);
        row.Female.ShouldBe(202_000);
        row.Total.ShouldBe(303_000);
        // Men: below 16 = 16 ages (16 thousand), above = ages 63 … 100 (38); working 47. Women (61): below 16 × 2 = 32,
        // above = ages 61 … 100 = 40 × 2 = 80, working 90. Working 137 / 303 = 0.4521452…; above 118 / 303 =
        // 0.3894389…; dependency (48 + 118) / 137 = 1.2116788…; kept to 6 decimals.
        row.WorkingAgeShare.ShouldBe(0.452145);
        row.AboveWorkingAgeShare.ShouldBe(0.389439);
        row.DependencyRatio.ShouldBe(1.211679);
        // Flows in persons: 4.5 → 4,500; 1.25 → 1,250; −0.0125 → −12.5 → −13 (away from zero); 0.3 → 300.
        row.Births.ShouldBe(4_500);
        row.Deaths.ShouldBe(1_250);
        row.NetInternationalMigration.ShouldBe(-13);
        row.NetInterRegionalMigration.ShouldBe(300);
        // A deterministic row is a one-point distribution.
        (row.P10, row.P50, row.P90).ShouldBe((303_000.0, 303_000.0, 303_000.0));
        ProjectionSeriesMapping.ReadAges(row.FemaleAges).ShouldBe(Enumerable.Repeat(2_000.0, 101).ToArray());
    }

    [Fact]
    public void The_horizon_year_has_no_flows_and_probabilistic_quantiles_are_in_persons()
    {
        var row = ProjectionSeriesMapping.Row(Guid.Empty, "KZ", Flat(2050, new AnnualFlows(1, 1, 1, 0)),
            isHorizon: true, new QuantileSet(1, 290.4, 300.0006, 310.5, 2));
        row.Births.ShouldBeNull();
        row.Deaths.ShouldBeNull();
        row.NetInternationalMigration.ShouldBeNull();
        // 290.4 thousand = 290,400; 300.0006 thousand = 300,000.6 → 300,001; 310.5 thousand = 310,500.
        (row.P10, row.P50, row.P90).ShouldBe((290_400.0, 300_001.0, 310_500.0));
    }

    [Fact]
    public void Rows_stop_at_the_horizon_and_keep_only_the_nation_for_a_national_run()
    {
        UnitProjection Unit(string code) => new(code, [Flat(2026), Flat(2027), Flat(2028)]);
        var result = new ProjectionResult(ScenarioDefinition.Baseline, [Unit("KZ"), Unit("KZ-35")]);

        var national = ProjectionSeriesMapping.Rows(Guid.Empty, result, 2027, allRegions: false, null);
        national.Select(r => (r.RegionCode, r.Year)).ShouldBe([("KZ", 2026), ("KZ", 2027)]);
        national[1].Births.ShouldBeNull();
        var all = ProjectionSeriesMapping.Rows(Guid.Empty, result, 2027, allRegions: true, null);
        all.Select(r => (r.RegionCode, r.Year))
            .ShouldBe([("KZ", 2026), ("KZ", 2027), ("KZ-35", 2026), ("KZ-35", 2027)]);
    }

    [Fact]
    public void Five_year_groups_sum_single_ages_with_an_open_100_plus_group()
    {
        var groups = ProjectionSeriesMapping.FiveYearGroups(Enumerable.Repeat(1.0, 101).ToArray());
        // Groups 0-4 … 95-99 hold 5 single ages each; 100+ holds one.
        groups.ShouldBe(Enumerable.Repeat(5.0, 20).Append(1.0).ToArray());
        var labels = ProjectionSeriesMapping.AgeLabels(fiveYear: true);
        (labels[0], labels[19], labels[20]).ShouldBe(("0-4", "95-99", "100+"));
        ProjectionSeriesMapping.AgeLabels(fiveYear: false)[100].ShouldBe("100+");
    }
}
