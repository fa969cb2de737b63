using Qonys.Engines.Demography;
using Qonys.Web.Modules.AnalyticalCentre.Scenarios;

namespace Qonys.Tests.AnalyticalCentre.Scenarios;

public sealed class ScenarioRulesTests
{
    static readonly HashSet<string> Regions = ["KZ-59", "KZ-61", "KZ-71"];

    static ScenarioDefinition Policy(Resettlement? resettlement = null, LabourIntake? intake = null) =>
        ScenarioDefinition.Baseline with
        {
            Name = "North",
            Resettlements =
            [
                resettlement
                ?? new Resettlement("KZ-61", "KZ-59", 1000, 2026, 2030, [new FamilyMember(Sex.Male, 25, 39, 1)]),
            ],
            LabourIntakes = intake is null ? [] : [intake],
        };

    static IDictionary<string, string[]> Errors(ScenarioDefinition? s) =>
        ScenarioRules.Validate(s, Regions).ToDictionary();

    [Fact]
    public void A_valid_policy_scenario_has_no_errors() =>
        Errors(Policy(intake: new LabourIntake("KZ-71", -500, 25, 44, 0.9, 2026, 2028))).ShouldBeEmpty();

    [Theory]
    [InlineData(-1, 2026, 2030, "KZ-59", 39, "resettlements.0.familiesPerYear")]
    [InlineData(10, 2026, 2030, "KZ-99", 39, "resettlements.0.toRegion")]
    [InlineData(10, 2026, 2030, "KZ-61", 39, "resettlements.0.toRegion")]
    [InlineData(10, 2031, 2030, "KZ-59", 39, "resettlements.0.lastYear")]
    [InlineData(10, 2020, 2030, "KZ-59", 39, "resettlements.0.firstYear")]
    [InlineData(10, 2026, 2030, "KZ-59", 101, "resettlements.0.family.0.ageTo")]
    public void An_invalid_resettlement_names_its_field(
        double families, int first, int last, string to, int ageTo, string field) =>
        Errors(Policy(new Resettlement("KZ-61", to, families, first, last,
            [new FamilyMember(Sex.Female, 0, ageTo, 1)]))).Keys.ShouldBe([field]);

    [Fact]
    public void Labour_intake_shares_and_regions_are_checked_and_a_name_is_required()
    {
        Errors(Policy(intake: new LabourIntake("KZ-00", 100, 25, 44, 1.5, 2026, 2030))).Keys
            .ShouldBe(["labourIntakes.0.region", "labourIntakes.0.maleShare"], ignoreOrder: true);
        Errors(Policy() with { Name = " " }).Keys.ShouldBe(["name"]);
        Errors(Policy(new Resettlement("KZ-61", "KZ-59", 5, 2026, 2030, [new FamilyMember(Sex.Male, 0, 14, -1)]))).Keys
            .ShouldBe(["resettlements.0.family.0.count"]);
        Errors(null).Keys.ShouldBe(["body"]);
    }
}
