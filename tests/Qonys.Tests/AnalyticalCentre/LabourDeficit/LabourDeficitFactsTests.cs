using Qonys.Engines.Demography;
using Qonys.Engines.Scoring;
using Qonys.Web.Modules.AnalyticalCentre.LabourDeficit;

namespace Qonys.Tests.AnalyticalCentre.LabourDeficit;

public sealed class LabourDeficitFactsTests
{
    static readonly StatutoryAgeRule Rule = new(2000, 16, 63, 61);

    /// <summary>
    /// Per sex: 0 below 15, <paramref name="working"/> thousand at each age 15 … 64, 0.5 thousand at each age 65 …
    /// 100+.
    /// </summary>
    static PopulationSnapshot Snapshot(int year, double working)
    {
        var ages = Enumerable.Range(0, 101).Select(x => x < 15 ? 0 : x <= 64 ? working : 0.5).ToArray();
        return new PopulationSnapshot(year, ages, ages, null, Rule);
    }

    static IReadOnlyDictionary<string, string> Row(params (string Key, string Value)[] cells) =>
        cells.ToDictionary(c => c.Key, c => c.Value);

    static RegionalLabourStatistics Karaganda() => LabourDeficitFacts.Statistics("KZ-35",
        [
            Row(("year", "2022"), ("period", "year"), ("iso_3166_2", "KZ-35"), ("unemployment_rate_pct", "4.5")),
            Row(("year", "2023"), ("period", "Q1"), ("iso_3166_2", "KZ-35"), ("unemployment_rate_pct", "4.0")),
            Row(("year", "2023"), ("period", "Q2"), ("iso_3166_2", "KZ-35"), ("unemployment_rate_pct", "4.2")),
            Row(("year", "2023"), ("period", "Q3"), ("iso_3166_2", "KZ-35"), ("unemployment_rate_pct", "4.4")),
            Row(("year", "2023"), ("period", "Q4"), ("iso_3166_2", "KZ-35"), ("unemployment_rate_pct", "4.6")),
            Row(("year", "2023"), ("period", "Q4"), ("iso_3166_2", "KZ-71"), ("unemployment_rate_pct", "9.9")),
        ],
        [
            Row(("iso_3166_2", "KZ"), ("avg_salary", "300000")),
            Row(("iso_3166_2", "KZ-35"), ("avg_salary", "330000")),
        ],
        [
            Row(("year", "2023"), ("period", "year"), ("iso_3166_2", "KZ-35"), ("net", "-4446")),
            Row(("year", "2024"), ("period", "M01"), ("iso_3166_2", "KZ-35"), ("net", "-100")),
            Row(("year", "2024"), ("period", "year_sum_of_months"), ("iso_3166_2", "KZ-35"), ("net", "-5696")),
        ],
        [("KZ-35", 2022, 1_120_000), ("KZ-35", 2023, 1_130_000), ("KZ-71", 2023, 1_400_000)]);

    [Fact]
    public void Statistics_take_the_latest_year_of_each_source()
    {
        var s = Karaganda();
        // 2023 has quarters only: (4.0 + 4.2 + 4.4 + 4.6) / 4 = 4.3.
        s.UnemploymentRatePct!.Value.ShouldBe(4.3, 1e-12);
        s.UnemploymentYear.ShouldBe(2023);
        (s.AverageWage, s.NationalAverageWage).ShouldBe((330_000.0, 300_000.0));
        // 2024 as the sum of its months (the M01 row alone is not the year).
        (s.NetInternalMigration, s.MigrationYear).ShouldBe((-5_696.0, 2024));
        (s.Population, s.PopulationYear).ShouldBe((1_130_000.0, 2023));
    }

    [Fact]
    public void Facts_are_hand_computable_and_score_95_on_the_shipped_scorecard()
    {
        var facts = LabourDeficitFacts.For(Snapshot(2026, 1.0), Snapshot(2036, 0.9), Karaganda());

        // Ages 15-64: 50 ages × 2 sexes × 1.0 = 100 → × 0.9 = 90: −10 %.
        facts["workingAgePopulationChangePct"].Number.ShouldBe(-10);
        // Each sex 68 thousand (50 + 36 × 0.5). Above working age: men 63 … 100 = 1 + 1 + 18 = 20; women 61 … 100 = 4 +
        // 18 = 22. 42 / 136 = 30.882… % → 30.88.
        facts["shareAboveWorkingAgePct"].Number.ShouldBe(30.88);
        facts["unemploymentRatePct"].Number.ShouldBe(4.3);
        // 330,000 / 300,000 = 110 %.
        facts["averageWageRelativeToNationalPct"].Number.ShouldBe(110);
        // −5,696 / 1,130,000 × 1,000 = −5.0407… → −5.04.
        facts["netInternalMigrationPer1000"].Number.ShouldBe(-5.04);

        // Bands of region-labour-deficit v1: −10 is in [−10, −5) → 20; 30.88 ≥ 20 → 30 (demography 50, at its cap of
        // 50); 4.3 in [3, 4.5) → 15; 110 in [100, 120) → 10; −5.04 < −5 → 20. Total 20 + 30 + 15 + 10 + 20 = 95.
        var result = ScorecardEvaluator.Evaluate(ShippedScorecards.Get("region-labour-deficit"), facts);
        result.Criteria.Select(c => c.Points).ShouldBe([20m, 30m, 15m, 10m, 20m]);
        result.Total.ShouldBe(95m);
    }
}
