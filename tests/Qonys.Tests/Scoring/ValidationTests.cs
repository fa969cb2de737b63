using Qonys.Engines.Scoring;
using static Qonys.Tests.Scoring.TestCards;

namespace Qonys.Tests.Scoring;

public class ValidationTests
{
    private static Criterion Age => Small().Criteria[0];

    private static Scorecard WithAgeBands(params Band[] bands) =>
        Small() with { Criteria = [Age with { Bands = bands }, .. Small().Criteria.Skip(1)] };

    private static Scorecard WithKazakhBands(params Band[] bands) =>
        Small() with { Criteria = [.. Small().Criteria.Take(2), Small().Criteria[2] with { Bands = bands }] };

    private static IReadOnlyList<string> Problems(Scorecard card) =>
        ScorecardValidator.Validate(card).Select(p => p.ToString()).ToList();

    [Fact]
    public void The_small_card_is_valid() => Problems(Small()).ShouldBeEmpty();

    [Fact]
    public void Header_problems_are_all_reported_at_once()
    {
        var card = Small() with { Key = " ", Version = 0, Title = "", EffectiveFrom = default };
        Problems(card).ShouldBe(
        [
            "key: the scorecard needs a key (e.g. \"skilled-migrant-pool\")",
            "version: version must be 1 or more (got 0)",
            "effectiveFrom: the date from which the scorecard applies is missing",
            "title: the scorecard needs a title",
        ]);
    }

    [Fact]
    public void Overlapping_numeric_bands_are_named()
    {
        var card = WithAgeBands(
            new Band { Max = 30, Points = 0, Label = "a" },
            new Band { Min = 30, Max = 40, Points = 1, Label = "b" },
            new Band { Min = 35, Max = 50, Points = 2, Label = "c" },
            new Band { Min = 50, Points = 3, Label = "d" });
        Problems(card).ShouldBe(["criteria[0].bands[1]: band 30–40 overlaps band 35–50 (bands[2])"]);
    }

    [Fact]
    public void Gap_between_numeric_bands_is_named()
    {
        var card = WithAgeBands(
            new Band { Max = 40, Points = 0, Label = "a" },
            new Band { Min = 45, Points = 1, Label = "b" });
        Problems(card).ShouldBe(["criteria[0].bands: gap between 40 and 45 — no band covers these values"]);
    }

    [Fact]
    public void Numeric_bands_must_reach_minus_and_plus_infinity()
    {
        var card = WithAgeBands(new Band { Min = 18, Max = 65, Points = 1, Label = "working age" });
        Problems(card).ShouldBe(
        [
            "criteria[0].bands: no band covers values below 18 — one band needs no min",
            "criteria[0].bands: no band covers values from 65 upward — one band needs no max",
        ]);
    }

    [Fact]
    public void Two_open_ended_bands_overlap()
    {
        var card = WithAgeBands(new Band { Max = 10, Points = 0, Label = "a" }, new Band { Max = 20, Points = 0, Label = "b" }, new Band { Min = 20, Points = 0, Label = "c" });
        Problems(card).ShouldBe(["criteria[0].bands[0]: band below 10 overlaps band below 20 (bands[1])"]);
    }

    [Fact]
    public void Empty_numeric_band_and_wrong_shape_are_reported()
    {
        var card = WithAgeBands(
            new Band { Max = 40, Points = 0, Label = "a" },
            new Band { Min = 40, Points = 0, Label = "b" },
            new Band { Min = 50, Max = 50, Points = 0, Label = "c" },
            new Band { Values = ["x"], Points = 0, Label = "d" });
        Problems(card).ShouldBe(
        [
            "criteria[0].bands[2]: band 50–50 is empty: min must be less than max",
            "criteria[0].bands[3]: a numeric band uses min and max, not values or isDefault",
        ]);
    }

    [Fact]
    public void Categorical_values_appear_once_and_one_default_at_most()
    {
        var card = WithKazakhBands(
            new Band { Values = ["B2", "b2"], Points = 1, Label = "a" },
            new Band { Values = ["A2", "B2"], Points = 2, Label = "b" },
            new Band { IsDefault = true, Points = 0, Label = "c" },
            new Band { IsDefault = true, Points = 0, Label = "d" });
        Problems(card).ShouldBe(
        [
            "criteria[2].bands[0].values[1]: value \"b2\" is listed twice in this band",
            "criteria[2].bands[1].values[1]: value \"B2\" already appears in bands[0]",
            "criteria[2].bands[3]: only one band may be the default, and bands[2] already is",
        ]);
    }

    [Fact]
    public void Categorical_band_shape_problems_are_reported()
    {
        var card = WithKazakhBands(
            new Band { Values = [], Points = 1, Label = "a" },
            new Band { Values = ["A2"], Min = 3, Points = 2, Label = "b" },
            new Band { IsDefault = true, Values = ["C1"], Points = 0, Label = "c" },
            new Band { Values = [" "], Points = 0, Label = "" });
        Problems(card).ShouldBe(
        [
            "criteria[2].bands[3].label: every band needs a label",
            "criteria[2].bands[0].values: the band needs at least one value (or isDefault: true)",
            "criteria[2].bands[1]: a categorical band lists values, not min and max",
            "criteria[2].bands[2].values: the default band matches every unlisted value, so it must not list values",
            "criteria[2].bands[3].values[0]: values must not be empty",
        ]);
    }

    [Fact]
    public void Criterion_keys_are_unique_and_groups_must_exist()
    {
        var card = Small() with
        {
            Criteria = [Age, Age with { Title = "", Fact = "", Group = "nope" }, .. Small().Criteria.Skip(1)],
        };
        Problems(card).ShouldBe(
        [
            "criteria[1].key: key \"age\" is already used by criteria[0]",
            "criteria[1].title: the criterion needs a title",
            "criteria[1].fact: the criterion needs the name of the fact it reads",
            "criteria[1].group: group \"nope\" is not defined in groups",
        ]);
    }

    [Fact]
    public void Group_caps_must_be_positive_and_keys_unique()
    {
        var card = Small() with
        {
            Groups = [new CriterionGroup { Key = "lang", Title = "Languages", Cap = 0 }, new CriterionGroup { Key = "lang", Title = "", Cap = 5 }],
        };
        Problems(card).ShouldBe(
        [
            "groups[0].cap: the cap must be positive (got 0)",
            "groups[1].key: key \"lang\" is already used by groups[0]",
            "groups[1].title: the group needs a title",
        ]);
    }

    [Fact]
    public void Empty_scorecard_and_criterion_without_bands_are_reported()
    {
        Problems(Small() with { Criteria = [] }).ShouldBe(["criteria: the scorecard needs at least one criterion"]);
        Problems(WithAgeBands()).ShouldBe(["criteria[0].bands: the criterion needs at least one band"]);
    }

    [Fact]
    public void Points_precision_and_size_are_limited()
    {
        var card = WithAgeBands(
            new Band { Max = 18, Points = 0.12345m, Label = "a" },
            new Band { Min = 18, Points = 2_000_000m, Label = "b" });
        Problems(card).ShouldBe(
        [
            "criteria[0].bands[0].points: points may have at most 4 decimal places (got 0.12345)",
            "criteria[0].bands[1].points: points must be between -1000000 and 1000000 (got 2000000)",
        ]);
    }

    [Fact]
    public void Trailing_zeros_do_not_count_as_decimal_places()
    {
        Problems(WithAgeBands(new Band { Points = 1.500000m, Label = "all" })).ShouldBeEmpty();
    }
}
