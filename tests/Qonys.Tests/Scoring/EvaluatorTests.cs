using Qonys.Engines.Scoring;
using static Qonys.Tests.Scoring.TestCards;

namespace Qonys.Tests.Scoring;

public class EvaluatorTests
{
    private static ScoreResult Eval(params (string, FactValue)[] facts) => ScorecardEvaluator.Evaluate(Small(), Facts(facts));

    [Theory]
    // Bands of "age": <18 → 0, [18,30) → 20, [30,40) → 10, ≥40 → −5; min inclusive, max exclusive.
    [InlineData(17.999, 0, 0)]
    [InlineData(18, 1, 20)]
    [InlineData(29.999, 1, 20)]
    [InlineData(30, 2, 10)]
    [InlineData(39.5, 2, 10)]
    [InlineData(40, 3, -5)]
    [InlineData(-1000, 0, 0)]
    public void Numeric_band_min_is_inclusive_and_max_exclusive(double age, int band, int points)
    {
        var result = Eval(("age", age), ("english", "none"), ("kazakh", "A2"));
        var criterion = result.Criteria[0];
        criterion.BandIndex.ShouldBe(band);
        criterion.Points.ShouldBe(points);
        criterion.Outcome.ShouldBe(FactOutcome.Matched);
        // english "none" → default 0, kazakh A2 → 5, so the total is the age points + 5.
        result.Total.ShouldBe(points + 5m);
    }

    [Fact]
    public void Matched_criterion_reports_fact_value_band_and_range()
    {
        var age = Eval(("age", 30), ("english", "B1"), ("kazakh", "A2")).Criteria[0];
        age.Fact.ShouldBe("age");
        age.FactValue.ShouldBe(FactValue.Of(30));
        age.BandLabel.ShouldBe("30–39");
        age.BandRange.ShouldBe("30 ≤ value < 40");
        age.Explanation.ShouldBe("Age: age = 30 is in band \"30–39\" (30 ≤ value < 40): 10 points.");
    }

    [Fact]
    public void Categorical_unlisted_value_falls_into_the_default_band_and_values_ignore_case()
    {
        var result = Eval(("age", 20), ("english", "A1"), ("kazakh", "b2"));
        result.Criteria[1].BandLabel.ShouldBe("other");
        result.Criteria[1].BandRange.ShouldBe("any other value");
        result.Criteria[1].Points.ShouldBe(0m);
        result.Criteria[2].BandLabel.ShouldBe("B2"); // "b2" matched "B2"
        result.Criteria[2].Points.ShouldBe(15m);
    }

    [Fact]
    public void Group_cap_clips_the_sum_taking_points_off_the_last_criterion_first()
    {
        // english C1 = 10, kazakh B2 = 15: 25 > cap 20, so 5 points come off kazakh (the group's last criterion).
        var result = Eval(("age", 20), ("english", "C1"), ("kazakh", "B2"));
        result.Criteria[1].PointsAfterCap.ShouldBe(10m);
        result.Criteria[2].Points.ShouldBe(15m);
        result.Criteria[2].PointsAfterCap.ShouldBe(10m);
        result.Criteria[2].Explanation.ShouldContain("The Languages cap of 20 took off 5 points, leaving 10.");
        var group = result.Groups.ShouldHaveSingleItem();
        group.CapApplied.ShouldBeTrue();
        group.PointsBeforeCap.ShouldBe(25m);
        group.PointsAfterCap.ShouldBe(20m);
        group.Explanation.ShouldContain("Kazakh level −5");
        result.Total.ShouldBe(40m); // 20 (age 20) + 20 (capped languages)
    }

    [Fact]
    public void Cap_larger_than_one_criterion_spills_over_to_the_previous_one()
    {
        // Cap lowered to 3: english 10 + kazakh 5 = 15, excess 12: kazakh loses all 5, english loses 7 → 3.
        var card = Small() with { Groups = [new CriterionGroup { Key = "lang", Title = "Languages", Cap = 3 }] };
        var result = ScorecardEvaluator.Evaluate(card, Facts(("age", 20), ("english", "B2"), ("kazakh", "A2")));
        result.Criteria[2].PointsAfterCap.ShouldBe(0m);
        result.Criteria[1].PointsAfterCap.ShouldBe(3m);
        result.Total.ShouldBe(23m);
    }

    [Fact]
    public void Group_within_its_cap_is_untouched()
    {
        var result = Eval(("age", 20), ("english", "B1"), ("kazakh", "A2"));
        result.Groups[0].CapApplied.ShouldBeFalse();
        result.Groups[0].PointsAfterCap.ShouldBe(10m);
        result.Criteria.Select(c => c.PointsAfterCap).ShouldBe(result.Criteria.Select(c => c.Points));
    }

    [Fact]
    public void Negative_points_lower_the_total()
    {
        // age 45 → −5, english B1 → 5, kazakh A2 → 5: total 5.
        var result = Eval(("age", 45), ("english", "B1"), ("kazakh", "A2"));
        result.Criteria[0].Points.ShouldBe(-5m);
        result.Total.ShouldBe(5m);
        result.Passed.ShouldBe(false);
    }

    [Fact]
    public void Missing_fact_gives_zero_points_and_is_listed()
    {
        var result = Eval(("english", "B2"), ("kazakh", "B2"));
        var age = result.Criteria[0];
        age.Outcome.ShouldBe(FactOutcome.NotProvided);
        age.Points.ShouldBe(0m);
        age.FactValue.ShouldBeNull();
        age.BandIndex.ShouldBeNull();
        age.Explanation.ShouldBe("fact age was not provided: 0 points.");
        result.MissingFacts.ShouldBe(["age"]);
    }

    [Fact]
    public void Not_a_number_counts_as_not_provided()
    {
        Eval(("age", double.NaN), ("english", "B2"), ("kazakh", "B2")).MissingFacts.ShouldBe(["age"]);
    }

    [Fact]
    public void Fact_of_the_wrong_type_gives_zero_points_with_a_reason()
    {
        var result = Eval(("age", "thirty"), ("english", 2), ("kazakh", "B2"));
        result.Criteria[0].Outcome.ShouldBe(FactOutcome.WrongType);
        result.Criteria[0].Explanation.ShouldBe("fact age must be a number but was the text \"thirty\": 0 points.");
        result.Criteria[1].Outcome.ShouldBe(FactOutcome.WrongType);
        result.MissingFacts.ShouldBeEmpty();
    }

    [Fact]
    public void Categorical_value_without_band_or_default_gives_zero_points()
    {
        var kazakh = Eval(("age", 20), ("english", "B2"), ("kazakh", "C2")).Criteria[2];
        kazakh.Outcome.ShouldBe(FactOutcome.NoBandMatched);
        kazakh.Points.ShouldBe(0m);
        kazakh.Explanation.ShouldContain("matches no band");
    }

    [Theory]
    // age 20 → 20; english B1 → 5; kazakh A2 → 5 / "C2" → 0. Pass mark 25.
    [InlineData("A2", 30, true)]
    [InlineData("C2", 25, true)]
    public void Passed_compares_the_total_with_the_pass_mark(string kazakh, int total, bool passed)
    {
        var result = Eval(("age", 20), ("english", "B1"), ("kazakh", kazakh));
        result.Total.ShouldBe(total);
        result.Passed.ShouldBe(passed);
        result.PassMark.ShouldBe(25m);
    }

    [Fact]
    public void Result_names_the_scorecard_version_and_has_no_verdict_without_pass_mark()
    {
        var result = ScorecardEvaluator.Evaluate(Identity(), Facts(("p", 24)));
        result.ScorecardKey.ShouldBe("identity");
        result.ScorecardVersion.ShouldBe(1);
        result.Passed.ShouldBeNull();
        result.Total.ShouldBe(10m);
    }

    [Fact]
    public void Invalid_scorecard_is_refused_with_its_problems()
    {
        var card = Small() with { Version = 0 };
        var error = Should.Throw<InvalidScorecardException>(() => ScorecardEvaluator.Evaluate(card, Facts()));
        error.Problems.ShouldContain(new ValidationProblem("version", "version must be 1 or more (got 0)"));
    }
}
