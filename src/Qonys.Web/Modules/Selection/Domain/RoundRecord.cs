using Qonys.Engines.Scoring;

namespace Qonys.Web.Modules.Selection.Domain;

/// <summary>What an administrator asked of a round, already validated.</summary>
internal sealed record RoundOrder(string RoundKey, int Invitations, IReadOnlyList<string> OccupationCodes, IReadOnlyList<string> RegionCodes);

/// <summary>
/// Turns the engine's <see cref="RoundResult"/> into the rows a round leaves behind: the round (cut-off, counts,
/// scorecard version, tie-break explanation) and one invitation per invited candidate, each due
/// <paramref name="validDays"/> calendar days after the round's date (rule value <c>selection.invitation_valid_days</c>).
/// </summary>
internal static class RoundRecord
{
    public static (SelectionRound Round, List<Invitation> Invitations) Build(
        RoundOrder order, RoundResult result, Scorecard scorecard, int poolSize, DateTime runAt, Guid runBy, int validDays, Func<Guid> newId)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(validDays);
        var date = DateOnly.FromDateTime(runAt);
        var applyBy = date.AddDays(validDays);
        var round = new SelectionRound
        {
            Id = newId(), RoundKey = order.RoundKey, RoundDate = date, RunAt = runAt, RunBy = runBy,
            ScorecardKey = scorecard.Key, ScorecardVersion = scorecard.Version,
            InvitationsRequested = order.Invitations, InvitedCount = result.Invited.Count, EligibleCount = result.EligibleCount,
            PoolSize = poolSize, CutOffScore = result.CutOffScore,
            OccupationCodes = order.OccupationCodes.Count == 0 ? null : string.Join(',', order.OccupationCodes),
            RegionCodes = order.RegionCodes.Count == 0 ? null : string.Join(',', order.RegionCodes),
            TieBreakExplanation = result.TieBreak?.Explanation, ApplyBy = applyBy,
        };
        var invitations = result.Invited.Select((i, n) => new Invitation
        {
            Id = newId(), RoundId = round.Id, CandidateId = Guid.Parse(i.Id), Position = n + 1, PoolRank = i.PoolRank, Score = i.Score,
            ProfileAt = i.Submitted.UtcDateTime, InvitedAt = runAt, ApplyBy = applyBy,
        }).ToList();
        return (round, invitations);
    }
}
