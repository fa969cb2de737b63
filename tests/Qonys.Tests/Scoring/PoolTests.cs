using Qonys.Engines.Scoring;
using static Qonys.Tests.Scoring.TestCards;

namespace Qonys.Tests.Scoring;

public class PoolTests
{
    // Identity card: score = floor(p) clamped to 0..10.
    // Scores: a 9, b 7 (day 2), c 7 (day 3), d 7 (day 2, same instant as b), e 3.
    // Expected ranking: a; then the 7s by timestamp: b and d (same timestamp → id order b < d), then c; then e.
    private static ProfilePool Pool() => IdentityPool(
        ("c", 7, 3, "nurse", "AST"),
        ("a", 9, 5, "welder", "AST"),
        ("b", 7, 2, "nurse", "ALA"),
        ("d", 7, 2, "welder", "ALA"),
        ("e", 3, 1, "nurse", "AST"));

    private static PoolScores Ranked(decimal? passMark = null) => CompiledScorecard.Compile(Identity(passMark)).ScoreAll(Pool());

    private static string[] RankedIds(PoolScores scores) => scores.Ranking.ToArray().Select(scores.Pool.IdOf).ToArray();

    [Fact]
    public void Ranking_sorts_by_total_then_timestamp_then_id()
    {
        var scores = Ranked();
        RankedIds(scores).ShouldBe(["a", "b", "d", "c", "e"]);
        scores.TotalOf(scores.Pool.IndexOf("c")).ShouldBe(7m);
        scores.RankOf(scores.Pool.IndexOf("e")).ShouldBe(4);
    }

    [Fact]
    public void Explanation_from_the_batch_equals_single_evaluation()
    {
        var card = Small();
        var facts = new[]
        {
            Facts(("age", 18), ("english", "C1"), ("kazakh", "B2")),
            Facts(("english", "zz"), ("kazakh", "C2")),
            Facts(("age", "old"), ("english", 3), ("kazakh", "a2")),
        };
        var builder = new ProfilePoolBuilder();
        for (var i = 0; i < facts.Length; i++) builder.Add(new CandidateProfile($"p{i}", Day(1), null, null, facts[i]));
        var scores = CompiledScorecard.Compile(card).ScoreAll(builder.Build());
        for (var i = 0; i < facts.Length; i++)
        {
            Json(scores.Explain(i)).ShouldBe(Json(ScorecardEvaluator.Evaluate(card, facts[i])));
            scores.TotalOf(i).ShouldBe(ScorecardEvaluator.Evaluate(card, facts[i]).Total);
        }
        scores.BandIndexOf(1, 0).ShouldBeNull(); // p1 has no age
    }

    [Fact]
    public void Duplicate_profile_id_is_refused()
    {
        var builder = new ProfilePoolBuilder().Add(new CandidateProfile("x", Day(1), null, null, Facts()));
        Should.Throw<ArgumentException>(() => builder.Add(new CandidateProfile("x", Day(2), null, null, Facts())));
    }

    [Fact]
    public void Round_tie_at_cut_off_decided_by_profile_id_when_timestamps_are_equal()
    {
        // N = 2 → a (9), b (7). d and c also scored 7: three at the cut-off, one invited; b and d share a timestamp.
        var round = InvitationRound.Select(Ranked(), new RoundRequest { Invitations = 2 });
        round.InvitedIds.ShouldBe(["a", "b"]);
        round.CutOffScore.ShouldBe(7m);
        var tie = round.TieBreak.ShouldNotBeNull();
        tie.CandidatesAtCutOff.ShouldBe(3);
        tie.InvitedAtCutOff.ShouldBe(1);
        tie.DecidedByProfileId.ShouldBeTrue();
    }

    [Fact]
    public void Round_tie_at_cut_off_decided_by_timestamp()
    {
        // N = 3 → a, b, d; c (7, day 3) is left out because its profile is later.
        var round = InvitationRound.Select(Ranked(), new RoundRequest { Invitations = 3 });
        round.InvitedIds.ShouldBe(["a", "b", "d"]);
        round.Invited.Select(i => i.PoolRank).ShouldBe([1, 2, 3]);
        var tie = round.TieBreak.ShouldNotBeNull();
        tie.CandidatesAtCutOff.ShouldBe(3);
        tie.InvitedAtCutOff.ShouldBe(2);
        tie.DecidedByProfileId.ShouldBeFalse();
        tie.Explanation.ShouldBe(
            "3 eligible candidates scored exactly the cut-off of 7; the 2 with the earliest profile timestamps (up to 2026-03-02 00:00:00 UTC) "
            + "were invited and the 1 with later timestamps (from 2026-03-03 00:00:00 UTC) were not.");
    }

    [Fact]
    public void Round_without_a_split_tie_has_no_tie_break()
    {
        var round = InvitationRound.Select(Ranked(), new RoundRequest { Invitations = 4 });
        round.InvitedIds.ShouldBe(["a", "b", "d", "c"]);
        round.TieBreak.ShouldBeNull();
        round.EligibleCount.ShouldBe(5);
    }

    [Fact]
    public void Occupation_filter_only_counts_ties_among_the_eligible()
    {
        // Nurses: b 7, c 7, e 3. N = 1 → b; c ties at 7 and is left out (day 3 after day 2).
        var round = InvitationRound.Select(Ranked(), new RoundRequest { Invitations = 1, Occupations = new HashSet<string> { "nurse" } });
        round.InvitedIds.ShouldBe(["b"]);
        round.Invited[0].PoolRank.ShouldBe(2);
        round.EligibleCount.ShouldBe(3);
        round.TieBreak!.CandidatesAtCutOff.ShouldBe(2);
    }

    [Fact]
    public void Region_filter_and_exclusions_apply_together()
    {
        // Region AST: c, a, e; a is excluded → c (7), e (3).
        var round = InvitationRound.Select(Ranked(), new RoundRequest
        {
            Invitations = 5, Regions = new HashSet<string> { "AST" }, ExcludedIds = new HashSet<string> { "a" },
        });
        round.InvitedIds.ShouldBe(["c", "e"]);
        round.CutOffScore.ShouldBe(3m);
        round.EligibleCount.ShouldBe(2);
    }

    [Fact]
    public void Candidates_below_the_pass_mark_are_not_eligible()
    {
        var round = InvitationRound.Select(Ranked(passMark: 5), new RoundRequest { Invitations = 10 });
        round.InvitedIds.ShouldBe(["a", "b", "d", "c"]); // e scored 3 < 5
    }

    [Fact]
    public void Empty_round_has_no_cut_off()
    {
        var round = InvitationRound.Select(Ranked(), new RoundRequest { Invitations = 0 });
        round.Invited.ShouldBeEmpty();
        round.CutOffScore.ShouldBeNull();
    }

    /// <summary>Draft: [k, k+1) → 10 − k, below 0 → 10, 10 and above → 0 (the reverse of Identity).</summary>
    private static Scorecard ReversedDraft()
    {
        var published = Identity();
        var criterion = published.Criteria[0];
        return published with
        {
            Version = 2,
            Criteria = [criterion with { Bands = criterion.Bands.Select(b => b with { Points = 10 - b.Points }).ToArray() }],
        };
    }

    [Fact]
    public void What_if_lists_who_enters_and_who_leaves()
    {
        // Published: a 9, b 7, d 7, c 7, e 3 → top 2 = {a, b}.
        // Draft:     e 7, b 3, d 3, c 3, a 1 → top 2 = {e, b}. e enters, a leaves.
        var result = WhatIfAnalysis.Compare(Pool(), CompiledScorecard.Compile(Identity()), CompiledScorecard.Compile(ReversedDraft()),
            new RoundRequest { Invitations = 2 });
        result.Entering.ShouldBe([new WhatIfMove("e", 3, 7, 5, 1)]);
        result.Leaving.ShouldBe([new WhatIfMove("a", 9, 1, 1, 5)]);
        result.Draft.InvitedIds.ShouldBe(["e", "b"]);
    }

    [Fact]
    public void What_if_distributions_share_bin_edges()
    {
        // Scores before {9,7,7,7,3}, after {1,3,3,3,7}. Range 1..9: 8/20 = 0.4 → nice width 0.5, first edge 1,
        // (9 − 1)/0.5 + 1 = 17 bins → 18 edges 1, 1.5, …, 9.5. Before: 3 in bin 4, the 7s in bin 12, 9 in bin 16.
        // Mean 33/5 = 6.6 and 17/5 = 3.4; nearest-rank median = 3rd smallest, p10 = 1st, p90 = 5th.
        var result = WhatIfAnalysis.Compare(Pool(), CompiledScorecard.Compile(Identity()), CompiledScorecard.Compile(ReversedDraft()),
            new RoundRequest { Invitations = 2 });
        var before = result.Before;
        before.BinEdges.Count.ShouldBe(18);
        before.BinEdges[0].ShouldBe(1m);
        before.BinEdges[^1].ShouldBe(9.5m);
        result.After.BinEdges.ShouldBe(before.BinEdges);
        before.Counts[4].ShouldBe(1);
        before.Counts[12].ShouldBe(3);
        before.Counts[16].ShouldBe(1);
        before.Counts.Sum().ShouldBe(5);
        (before.Mean, before.Median, before.P10, before.P90).ShouldBe((6.6m, 7m, 3m, 9m));
        var after = result.After;
        (after.Mean, after.Median, after.P10, after.P90).ShouldBe((3.4m, 3m, 1m, 7m));
        after.Counts[0].ShouldBe(1);
        after.Counts[4].ShouldBe(3);
        after.Counts[12].ShouldBe(1);
    }
}
