using Qonys.Engines.Scoring;
using static Qonys.Tests.Scoring.TestCards;

namespace Qonys.Tests.Scoring;

public class HowToImproveTests
{
    private static IReadOnlyList<ScoreImprovement> Advice(Dictionary<string, FactValue> facts)
    {
        var card = Small();
        return ScorecardEvaluator.HowToImprove(card, facts, ScorecardEvaluator.Evaluate(card, facts));
    }

    [Fact]
    public void Suggests_the_next_band_up_with_the_value_that_reaches_it()
    {
        // age 35 → 10; only the ≥40 band lies above and it earns less (−5), so no age advice.
        // english B1 → 5: the next raise is the B2/C1 band (10) → +5 (languages 15 ≤ cap 20).
        // kazakh A2 → 5: B2 band (15) → +10 (languages 5 + 15 = 20 ≤ cap 20).
        var advice = Advice(Facts(("age", 35), ("english", "B1"), ("kazakh", "A2")));
        advice.Select(a => a.Text).ShouldBe(["English level B2 would add 5 points", "Kazakh level B2 would add 10 points"]);
        advice[0].SuggestedValue.ShouldBe(FactValue.Of("B2"));
        advice[0].CurrentValue.ShouldBe(FactValue.Of("B1"));
    }

    [Fact]
    public void Numeric_advice_uses_the_band_minimum()
    {
        // age 17 → 0; the next band up is [18,30) with 20 points.
        var age = Advice(Facts(("age", 17), ("english", "C1"), ("kazakh", "B2"))).First(a => a.CriterionKey == "age");
        age.SuggestedValue.ShouldBe(FactValue.Of(18));
        age.TotalGain.ShouldBe(20m);
        age.Text.ShouldBe("Age 18 would add 20 points");
    }

    [Fact]
    public void Gain_is_reduced_by_the_group_cap()
    {
        // english C1 → 10, kazakh A2 → 5 (15). Kazakh B2 → 10 + 15 = 25, capped at 20: +5 to the total, +10 raw.
        var kazakh = Advice(Facts(("age", 20), ("english", "C1"), ("kazakh", "A2"))).Single(a => a.CriterionKey == "kazakh");
        kazakh.PointsGain.ShouldBe(10m);
        kazakh.TotalGain.ShouldBe(5m);
        kazakh.Text.ShouldBe("Kazakh level B2 would add 5 points (10 before the group cap)");
    }

    [Fact]
    public void Missing_fact_suggests_the_best_band()
    {
        // age missing → best band [18,30) with 20 points; english C1 and kazakh B2 are already at the top.
        var advice = Advice(Facts(("english", "C1"), ("kazakh", "B2")));
        var age = advice.ShouldHaveSingleItem();
        age.Text.ShouldBe("age was not usable; Age 18 would add 20 points");
    }

    [Fact]
    public void Result_of_another_scorecard_is_refused()
    {
        var facts = Facts(("p", 3));
        var other = ScorecardEvaluator.Evaluate(Identity(), facts);
        Should.Throw<ArgumentException>(() => ScorecardEvaluator.HowToImprove(Small(), facts, other));
    }
}
