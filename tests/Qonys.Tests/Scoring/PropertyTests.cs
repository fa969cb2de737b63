using FsCheck;
using Qonys.Engines.Scoring;
using static Qonys.Tests.Scoring.TestCards;
using Random = System.Random;

namespace Qonys.Tests.Scoring;

public class PropertyTests
{
    private static Arbitrary<int> Seeds => Arb.From(Gen.Choose(0, int.MaxValue - 1));

    [Fact]
    public void Total_is_the_sum_of_the_parts_after_caps() =>
        Prop.ForAll(Seeds, seed =>
        {
            var random = new Random(seed);
            var card = RandomScorecards.Create(random);
            var result = ScorecardEvaluator.Evaluate(card, RandomScorecards.Facts(random, card));
            result.Total.ShouldBe(result.Criteria.Sum(c => c.PointsAfterCap));
            foreach (var group in result.Groups)
            {
                var members = result.Criteria.Where(c => c.Group == group.Key).ToArray();
                group.PointsAfterCap.ShouldBe(members.Sum(c => c.PointsAfterCap));
                group.PointsAfterCap.ShouldBe(Math.Min(group.PointsBeforeCap, group.Cap));
                members.ShouldAllBe(c => c.PointsAfterCap <= c.Points);
            }
            result.Criteria.Where(c => c.Group is null).ShouldAllBe(c => c.PointsAfterCap == c.Points);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Raising_one_fact_never_lowers_the_score_when_bands_are_non_decreasing() =>
        Prop.ForAll(Seeds, seed =>
        {
            var random = new Random(seed);
            var card = RandomScorecards.Create(random, monotonicNumeric: true);
            var facts = RandomScorecards.Facts(random, card);
            var criterion = card.Criteria[random.Next(card.Criteria.Count)];
            var low = RandomScorecards.NumericValue(random, criterion).Number!.Value;
            var high = low + (random.Next(0, 5_000) / 100.0);
            var lower = ScorecardEvaluator.Evaluate(card, new Dictionary<string, FactValue>(facts) { [criterion.Fact] = low });
            var higher = ScorecardEvaluator.Evaluate(card, new Dictionary<string, FactValue>(facts) { [criterion.Fact] = high });
            higher.Total.ShouldBeGreaterThanOrEqualTo(lower.Total);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Same_inputs_and_version_give_the_same_result() =>
        Prop.ForAll(Seeds, seed =>
        {
            var random = new Random(seed);
            var card = RandomScorecards.Create(random);
            var facts = RandomScorecards.Facts(random, card);
            var first = Json(ScorecardEvaluator.Evaluate(card, facts));
            var copy = ScorecardJson.Deserialize(ScorecardJson.Serialize(card));
            Json(ScorecardEvaluator.Evaluate(copy, new Dictionary<string, FactValue>(facts.Reverse()))).ShouldBe(first);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Batch_scoring_equals_single_evaluation() =>
        Prop.ForAll(Seeds, seed =>
        {
            var random = new Random(seed);
            var card = RandomScorecards.Create(random);
            var compiled = CompiledScorecard.Compile(card);
            var facts = Enumerable.Range(0, random.Next(1, 40)).Select(_ => RandomScorecards.Facts(random, card)).ToArray();
            var builder = new ProfilePoolBuilder();
            for (var i = 0; i < facts.Length; i++)
                builder.Add(new CandidateProfile($"id{i}", Day(1, random.Next(3)), null, null, facts[i]));
            var scores = compiled.ScoreAll(builder.Build());
            for (var i = 0; i < facts.Length; i++)
            {
                var single = compiled.Evaluate(facts[i]);
                scores.TotalOf(i).ShouldBe(single.Total);
                Json(scores.Explain(i)).ShouldBe(Json(single));
            }
            AssertRankingOrder(scores);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Batch_scoring_over_many_chunks_equals_single_evaluation()
    {
        // 40,000 profiles span three 16,384-profile chunks scored in parallel.
        var random = new Random(20260101);
        var card = ShippedScorecards.Get("skilled-migrant-pool");
        var compiled = CompiledScorecard.Compile(card);
        var builder = new ProfilePoolBuilder();
        var facts = new Dictionary<string, FactValue>[40_000];
        for (var i = 0; i < facts.Length; i++)
        {
            facts[i] = card.Criteria.ToDictionary(c => c.Fact, c => c.Kind == CriterionKind.Numeric
                ? RandomScorecards.NumericValue(random, c)
                : FactValue.Of(c.Bands[random.Next(c.Bands.Count)].Values![0]));
            builder.Add(new CandidateProfile($"id{i:D6}", Day(1 + random.Next(28)), null, null, facts[i]));
        }
        var scores = compiled.ScoreAll(builder.Build());
        for (var i = 0; i < facts.Length; i++) scores.TotalOf(i).ShouldBe(compiled.Evaluate(facts[i]).Total);
        Json(scores.Explain(39_999)).ShouldBe(Json(compiled.Evaluate(facts[39_999])));
        AssertRankingOrder(scores);
        Json(compiled.ScoreAll(scores.Pool).Ranking.ToArray()).ShouldBe(Json(scores.Ranking.ToArray()));
    }

    [Fact]
    public void Json_round_trip_preserves_a_scorecard() =>
        Prop.ForAll(Seeds, seed =>
        {
            var card = RandomScorecards.Create(new Random(seed));
            var json = ScorecardJson.Serialize(card);
            var back = ScorecardJson.Deserialize(json);
            ScorecardJson.Serialize(back).ShouldBe(json);
            back.Criteria.Count.ShouldBe(card.Criteria.Count);
            back.Criteria.SelectMany(c => c.Bands).Select(b => (b.Min, b.Max, b.Points, b.IsDefault, b.Label))
                .ShouldBe(card.Criteria.SelectMany(c => c.Bands).Select(b => (b.Min, b.Max, b.Points, b.IsDefault, b.Label)));
            back.Criteria.Select(c => (c.Key, c.Kind, c.Group)).ShouldBe(card.Criteria.Select(c => (c.Key, c.Kind, c.Group)));
            (back.Key, back.Version, back.EffectiveFrom, back.PassMark).ShouldBe((card.Key, card.Version, card.EffectiveFrom, card.PassMark));
        }).QuickCheckThrowOnFailure();

    /// <summary>Each adjacent pair is ordered: higher total first, then earlier timestamp, then smaller id.</summary>
    private static void AssertRankingOrder(PoolScores scores)
    {
        var ranking = scores.Ranking.ToArray();
        var pool = scores.Pool;
        for (var r = 1; r < ranking.Length; r++)
        {
            int a = ranking[r - 1], b = ranking[r];
            var key = (scores.TotalOf(b) - scores.TotalOf(a), pool.SubmittedOf(a).CompareTo(pool.SubmittedOf(b)), string.CompareOrdinal(pool.IdOf(a), pool.IdOf(b)));
            (key.Item1 < 0 || (key.Item1 == 0 && (key.Item2 < 0 || (key.Item2 == 0 && key.Item3 < 0)))).ShouldBeTrue($"rank {r}");
        }
    }
}
