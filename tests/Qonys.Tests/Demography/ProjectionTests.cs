using Qonys.Engines.Demography;

namespace Qonys.Tests.Demography;

public class ProjectionTests
{
    private static readonly Lazy<ProjectionResult> Baseline = new(() => CohortComponentProjection.Run(DemographyData.Model, ScenarioDefinition.Baseline));

    [Fact]
    public void Regions_add_up_to_the_nation_by_sex_and_single_age_and_in_every_flow()
    {
        var result = Baseline.Value;
        var nation = result["KZ"];
        var regions = result.Units.Skip(1).ToArray();
        regions.Length.ShouldBe(20);
        for (var i = 0; i < nation.Years.Count; i++)
        {
            var kz = nation.Years[i];
            for (var x = 0; x < 101; x++)
            {
                regions.Sum(r => r.Years[i].Male[x]).ShouldBe(kz.Male[x], 1e-9 * Math.Max(1, kz.Male[x]));
                regions.Sum(r => r.Years[i].Female[x]).ShouldBe(kz.Female[x], 1e-9 * Math.Max(1, kz.Female[x]));
            }
            if (kz.FlowsDuringYear is not { } flows) continue;
            regions.Sum(r => r.Years[i].FlowsDuringYear!.Value.Births).ShouldBe(flows.Births, 1e-8);
            regions.Sum(r => r.Years[i].FlowsDuringYear!.Value.Deaths).ShouldBe(flows.Deaths, 1e-8);
            regions.Sum(r => r.Years[i].FlowsDuringYear!.Value.InternationalMigration).ShouldBe(flows.InternationalMigration, 1e-8);
        }
    }

    [Fact]
    public void Inter_regional_flows_sum_to_zero_every_year_and_are_not_trivial()
    {
        var resettlement = new Resettlement("KZ-61", "KZ-59", 2000, 2026, 2035,
            [new FamilyMember(Sex.Male, 25, 39, 1), new FamilyMember(Sex.Female, 25, 39, 1), new FamilyMember(Sex.Male, 0, 14, 0.7), new FamilyMember(Sex.Female, 0, 14, 0.7)]);
        foreach (var scenario in new[] { ScenarioDefinition.Baseline, ScenarioDefinition.Baseline with { Resettlements = [resettlement] } })
        {
            var result = CohortComponentProjection.Run(DemographyData.Model, scenario);
            var regions = result.Units.Skip(1).ToArray();
            for (var i = 0; i < regions[0].Years.Count - 1; i++)
            {
                regions.Sum(r => r.Years[i].FlowsDuringYear!.Value.InterRegionalMigration).ShouldBe(0, 1e-9);
                regions.Max(r => Math.Abs(r.Years[i].FlowsDuringYear!.Value.InterRegionalMigration)).ShouldBeGreaterThan(1.0); // > 1,000 persons
            }
        }
    }

    [Fact]
    public void Resettlement_moves_exactly_the_families_in_the_first_year()
    {
        // 2,000 families of 2 adults + 1.4 children = 6,800 persons = 6.8 thousand leave KZ-61 for KZ-59 in 2026;
        // the 2026 start populations are the same in both runs, so the balances differ by exactly ∓6.8.
        var family = new[] { new FamilyMember(Sex.Male, 25, 39, 1), new FamilyMember(Sex.Female, 25, 39, 1), new FamilyMember(Sex.Female, 0, 14, 1.4) };
        var policy = ScenarioDefinition.Baseline with { Name = "Resettlement", Resettlements = [new Resettlement("KZ-61", "KZ-59", 2000, 2026, 2030, family)] };
        var with = CohortComponentProjection.Run(DemographyData.Model, policy);
        var without = Baseline.Value;
        double Balance(ProjectionResult r, string code) => r[code].At(2026).FlowsDuringYear!.Value.InterRegionalMigration;
        (Balance(with, "KZ-61") - Balance(without, "KZ-61")).ShouldBe(-6.8, 1e-9);
        (Balance(with, "KZ-59") - Balance(without, "KZ-59")).ShouldBe(6.8, 1e-9);
        with["KZ"].At(2035).Total.ShouldBe(without["KZ"].At(2035).Total, 1e-9); // moves inside the country do not change the nation
    }

    [Fact]
    public void Labour_intake_adds_to_net_international_migration()
    {
        // 50,000 persons a year aged 20-44 into Astana from 2026: the 2026 national net migration grows by exactly 50 thousand.
        var policy = ScenarioDefinition.Baseline with { LabourIntakes = [new LabourIntake("KZ-71", 50_000, 20, 44, 0.8, 2026, 2050)] };
        var with = CohortComponentProjection.Run(DemographyData.Model, policy);
        var m2026 = with["KZ"].At(2026).FlowsDuringYear!.Value.InternationalMigration - Baseline.Value["KZ"].At(2026).FlowsDuringYear!.Value.InternationalMigration;
        m2026.ShouldBe(50, 1e-9);
        with["KZ-71"].At(2030).Total.ShouldBeGreaterThan(Baseline.Value["KZ-71"].At(2030).Total + 150);
    }

    [Fact]
    public void Zero_migration_scenario_has_no_migration_and_changes_only_by_births_minus_deaths()
    {
        var result = CohortComponentProjection.Run(DemographyData.Model, ScenarioDefinition.ZeroMigration);
        foreach (var unit in result.Units)
            for (var i = 0; i < unit.Years.Count - 1; i++)
            {
                var f = unit.Years[i].FlowsDuringYear!.Value;
                f.InternationalMigration.ShouldBe(0);
                f.InterRegionalMigration.ShouldBe(0);
                if (unit.Code == "KZ")
                    (unit.Years[i + 1].Total - unit.Years[i].Total).ShouldBe(f.Births - f.Deaths, 1e-8);
            }
    }

    [Fact]
    public void Fertility_variants_order_births_and_population()
    {
        var low = CohortComponentProjection.Run(DemographyData.Model, ScenarioDefinition.LowFertility)["KZ"];
        var high = CohortComponentProjection.Run(DemographyData.Model, ScenarioDefinition.HighFertility)["KZ"];
        var mid = Baseline.Value["KZ"];
        low.At(2040).FlowsDuringYear!.Value.Births.ShouldBeLessThan(mid.At(2040).FlowsDuringYear!.Value.Births);
        high.At(2040).FlowsDuringYear!.Value.Births.ShouldBeGreaterThan(mid.At(2040).FlowsDuringYear!.Value.Births);
        low.At(2050).Total.ShouldBeLessThan(mid.At(2050).Total);
        high.At(2050).Total.ShouldBeGreaterThan(mid.At(2050).Total);
    }

    [Fact]
    public void Scenario_round_trips_through_json()
    {
        var scenario = ScenarioDefinition.Baseline with
        {
            Name = "Policy",
            Fertility = FertilityVariant.High,
            Resettlements = [new Resettlement("KZ-61", "KZ-59", 1000, 2026, 2030, [new FamilyMember(Sex.Female, 0, 14, 1.4)])],
            LabourIntakes = [new LabourIntake("KZ-23", 5000, 25, 49, 0.9, 2027, 2035)],
        };
        var json = scenario.ToJson();
        json.ShouldContain("\"fertility\": \"High\"");
        json.ShouldContain("\"sex\": \"Female\"");
        var back = ScenarioDefinition.FromJson(json);
        back.Name.ShouldBe("Policy");
        back.Fertility.ShouldBe(FertilityVariant.High);
        back.Resettlements.Single().ShouldBe(scenario.Resettlements[0] with { Family = back.Resettlements[0].Family });
        back.Resettlements[0].Family.Single().ShouldBe(new FamilyMember(Sex.Female, 0, 14, 1.4));
        back.LabourIntakes.Single().ShouldBe(scenario.LabourIntakes[0]);
    }

    [Fact]
    public void Scenario_json_without_adjustment_lists_reads_as_no_adjustments()
    {
        var back = ScenarioDefinition.FromJson("""{ "name": "Zero", "fertility": "Low", "internationalMigration": false, "interRegionalMigration": false }""");
        back.Fertility.ShouldBe(FertilityVariant.Low);
        back.Resettlements.ShouldBeEmpty();
        back.LabourIntakes.ShouldBeEmpty();
    }

    [Fact]
    public void Statutory_ages_follow_the_effective_years()
    {
        var ages = StatutoryAges.Kazakhstan;
        ages.For(2026).RetirementAgeFemale.ShouldBe(61);
        ages.For(2028).RetirementAgeFemale.ShouldBe(61.5);
        ages.For(2031).RetirementAgeFemale.ShouldBe(63);
        ages.For(2050).RetirementAgeMale.ShouldBe(63);
        // 1,000 at each age 0 … 100: below 16 = 16,000; retirement at 61.5 puts half of age 61 and all 62+ above:
        // 0.5·1,000 + 39·1,000 = 39,500 above; working = 101,000 − 16,000 − 39,500 = 45,500.
        var split = StatutoryAges.Split(Enumerable.Repeat(1000.0, 101).ToArray(), 16, 61.5);
        split.Below.ShouldBe(16_000);
        split.Above.ShouldBe(39_500);
        split.Working.ShouldBe(45_500);
    }

    [Fact]
    public void Progress_reaches_one_and_cancellation_stops_the_run()
    {
        var reports = new List<double>();
        CohortComponentProjection.Run(DemographyData.Model, ScenarioDefinition.Baseline, new SynchronousProgress(reports.Add));
        reports.Count.ShouldBe(24);
        reports[^1].ShouldBe(1.0);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Should.Throw<OperationCanceledException>(() => CohortComponentProjection.Run(DemographyData.Model, ScenarioDefinition.Baseline, null, cancelled.Token));
    }

    private sealed class SynchronousProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
