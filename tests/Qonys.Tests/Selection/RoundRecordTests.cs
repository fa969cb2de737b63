using Qonys.Engines.Scoring;
using Qonys.Web.Modules.Selection.Domain;

namespace Qonys.Tests.Selection;

public sealed class RoundRecordTests
{
    static readonly Scorecard Card = ShippedScorecards.Get("skilled-migrant-pool");
    static readonly DateTime RunAt = new(2026, 4, 10, 9, 30, 0, DateTimeKind.Utc);

    static Guid Id(int n) => Guid.Parse($"00000000-0000-7000-8000-{n:D12}");

    static (SelectionRound, List<Invitation>) Build(RoundResult result, RoundOrder? order = null)
    {
        var next = 100;
        return RoundRecord.Build(order ?? new RoundOrder("April general", 2, [], []), result, Card, poolSize: 7, RunAt, Id(99), validDays: 60, () => Id(next++));
    }

    [Fact]
    public void The_round_keeps_the_order_version_cut_off_counts_tie_break_and_deadline()
    {
        var tie = new CutOffTieBreak
        {
            CandidatesAtCutOff = 2, InvitedAtCutOff = 1, LastInvitedSubmitted = RunAt.AddDays(-3), FirstNotInvitedSubmitted = RunAt.AddDays(-2),
            DecidedByProfileId = false, Explanation = "2 eligible candidates scored exactly the cut-off of 105; …",
        };
        var result = new RoundResult
        {
            Invited = [new InvitedCandidate(Id(1).ToString(), 110m, 1, RunAt.AddDays(-5)), new InvitedCandidate(Id(2).ToString(), 105m, 2, RunAt.AddDays(-3))],
            CutOffScore = 105m, TieBreak = tie, EligibleCount = 3,
        };
        var (round, invitations) = Build(result, new RoundOrder("April general", 2, ["2511", "2512"], ["KZ-59"]));

        round.Id.ShouldBe(Id(100));
        round.RoundKey.ShouldBe("April general");
        round.RoundDate.ShouldBe(new DateOnly(2026, 4, 10));
        round.RunBy.ShouldBe(Id(99));
        round.ScorecardKey.ShouldBe("skilled-migrant-pool");
        round.ScorecardVersion.ShouldBe(1);
        (round.InvitationsRequested, round.InvitedCount, round.EligibleCount, round.PoolSize).ShouldBe((2, 2, 3, 7));
        round.CutOffScore.ShouldBe(105m);
        round.OccupationCodes.ShouldBe("2511,2512");
        round.RegionCodes.ShouldBe("KZ-59");
        round.TieBreakExplanation.ShouldBe(tie.Explanation);
        // 10 April 2026 + 60 days = 9 June 2026 (20 days left in April + 31 in May + 9 in June).
        round.ApplyBy.ShouldBe(new DateOnly(2026, 6, 9));

        invitations.Select(i => (i.CandidateId, i.Position, i.PoolRank, i.Score)).ShouldBe([(Id(1), 1, 1, 110m), (Id(2), 2, 2, 105m)]);
        invitations.ShouldAllBe(i => i.RoundId == round.Id && i.ApplyBy == round.ApplyBy && i.InvitedAt == RunAt);
        invitations[1].ProfileAt.ShouldBe(RunAt.AddDays(-3));
    }

    [Fact]
    public void A_round_that_invites_nobody_has_no_cut_off_and_no_filters()
    {
        var (round, invitations) = Build(new RoundResult { Invited = [], EligibleCount = 0 });
        invitations.ShouldBeEmpty();
        round.CutOffScore.ShouldBeNull();
        round.InvitedCount.ShouldBe(0);
        round.OccupationCodes.ShouldBeNull();
        round.RegionCodes.ShouldBeNull();
        round.TieBreakExplanation.ShouldBeNull();
    }
}
