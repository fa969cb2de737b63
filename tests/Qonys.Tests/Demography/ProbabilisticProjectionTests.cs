using Qonys.Engines.Demography;

namespace Qonys.Tests.Demography;

public class ProbabilisticProjectionTests
{
    private static readonly ProbabilisticSettings Small = new(60, 42, MaxDegreeOfParallelism: 2);
    private static readonly Lazy<ProbabilisticResult> Result =
        new(() => ProbabilisticProjection.Run(DemographyData.Model, ScenarioDefinition.Baseline, Small));

    [Fact]
    public void Quantiles_are_ordered_for_every_unit_indicator_and_year()
    {
        var r = Result.Value;
        r.Units.Count.ShouldBe(21);
        foreach (var unit in r.Units)
            foreach (var indicator in Enum.GetValues<ProjectionIndicator>())
                foreach (var year in r.Years.Take(r.Years.Count - 1))
                {
                    var q = r.Quantiles(unit, indicator, year);
                    q.P2_5.ShouldBeLessThanOrEqualTo(q.P10);
                    q.P10.ShouldBeLessThanOrEqualTo(q.P50);
                    q.P50.ShouldBeLessThanOrEqualTo(q.P90);
                    q.P90.ShouldBeLessThanOrEqualTo(q.P97_5);
                }
        var kz2050 = r.Quantiles("KZ", ProjectionIndicator.Total, 2050);
        (kz2050.P90 - kz2050.P10).ShouldBeGreaterThan(1000); // the intervals widen to millions by 2050
        double.IsNaN(r.Quantiles("KZ", ProjectionIndicator.Births, 2050).P50).ShouldBeTrue(); // no flows after the last 1 January
    }

    [Fact]
    public void The_same_seed_gives_the_same_result_whatever_the_thread_count()
    {
        var serial = ProbabilisticProjection.Run(DemographyData.Model, ScenarioDefinition.Baseline, Small with { MaxDegreeOfParallelism = 1 });
        var parallel = Result.Value;
        foreach (var unit in new[] { "KZ", "KZ-71", "KZ-59" })
            foreach (var year in new[] { 2030, 2040, 2050 })
                serial.Quantiles(unit, ProjectionIndicator.Total, year).ShouldBe(parallel.Quantiles(unit, ProjectionIndicator.Total, year));
        var otherSeed = ProbabilisticProjection.Run(DemographyData.Model, ScenarioDefinition.Baseline, Small with { Seed = 43 });
        otherSeed.Quantiles("KZ", ProjectionIndicator.Total, 2050).ShouldNotBe(parallel.Quantiles("KZ", ProjectionIndicator.Total, 2050));
    }

    [Theory]
    [InlineData(-1.959963985, 1.5)]
    [InlineData(-1.281551566, 1.8)]
    [InlineData(0, 2.4)]
    [InlineData(1.281551566, 3.05)]
    [InlineData(1.959963985, 3.5)]
    [InlineData(0.640775783, 2.725)] // half-way between the median and the upper 80 % bound: (2.4 + 3.05)/2
    [InlineData(-2.639, 1.2)]       // beyond −1.96 the outer slope continues: 1.5 − 0.679·(0.3/0.678412) ≈ 1.2
    public void Standard_normal_quantiles_map_through_the_WPP_bounds(double z, double expected)
    {
        // WPP 2050 TFR: 95l 1.5, 80l 1.8, median 2.4 (rounded here), 80u 3.05, 95u 3.5.
        var bounds = new ProbabilityBounds(2.4, 1.5, 1.8, 3.05, 3.5);
        ProbabilisticProjection.MapQuantile(z, bounds).ShouldBe(expected, 1e-3);
    }

    [Fact]
    public void Draws_are_reproducible_and_the_sample_median_tracks_the_WPP_median()
    {
        var model = DemographyData.Model;
        var a = ProbabilisticProjection.DrawPath(model, ScenarioDefinition.Baseline, Small, 7);
        var b = ProbabilisticProjection.DrawPath(model, ScenarioDefinition.Baseline, Small, 7);
        a.Tfr.ShouldBe(b.Tfr);
        // Across 2,000 draws the 2040 TFR's sample median must lie between the WPP 80 % bounds' inner part (±0.1 of the median).
        var draws = Enumerable.Range(0, 2000).Select(i => ProbabilisticProjection.DrawPath(model, ScenarioDefinition.Baseline, Small, i).Tfr[14]).Order().ToArray();
        var wpp2040 = DemographyData.Wpp.FertilityFor(2040).Tfr;
        draws[1000].ShouldBe(wpp2040.Median, 0.1);
        // and about 10 % of draws fall below the 80 % lower bound
        (draws.Count(t => t < wpp2040.Lower80) / 2000.0).ShouldBe(0.10, 0.03);
    }
}
