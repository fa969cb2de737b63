namespace Qonys.Engines.Scoring;

/// <summary>What an invitation round asks for.</summary>
public sealed record RoundRequest
{
    /// <summary>Number of invitations to issue (N).</summary>
    public required int Invitations { get; init; }

    /// <summary>When set, only profiles whose occupation is in this set are eligible.</summary>
    public IReadOnlySet<string>? Occupations { get; init; }

    /// <summary>When set, only profiles whose region is in this set are eligible.</summary>
    public IReadOnlySet<string>? Regions { get; init; }

    /// <summary>Profile ids that may not be invited (already invited, withdrawn, excluded).</summary>
    public IReadOnlySet<string>? ExcludedIds { get; init; }
}

/// <summary>One invited candidate.</summary>
/// <param name="Id">Profile id.</param>
/// <param name="Score">Total score.</param>
/// <param name="PoolRank">1-based rank in the whole pool.</param>
/// <param name="Submitted">Profile timestamp.</param>
public sealed record InvitedCandidate(string Id, decimal Score, int PoolRank, DateTimeOffset Submitted);

/// <summary>How a tie at the cut-off score was decided.</summary>
public sealed record CutOffTieBreak
{
    /// <summary>Eligible candidates whose score equals the cut-off.</summary>
    public required int CandidatesAtCutOff { get; init; }

    /// <summary>How many of them were invited.</summary>
    public required int InvitedAtCutOff { get; init; }

    /// <summary>Timestamp of the last invited candidate.</summary>
    public required DateTimeOffset LastInvitedSubmitted { get; init; }

    /// <summary>Timestamp of the first candidate at the cut-off who was not invited.</summary>
    public required DateTimeOffset FirstNotInvitedSubmitted { get; init; }

    /// <summary>True when both timestamps are equal, so the profile id decided.</summary>
    public required bool DecidedByProfileId { get; init; }

    /// <summary>The tie-break in one sentence.</summary>
    public required string Explanation { get; init; }
}

/// <summary>The outcome of an invitation round.</summary>
public sealed record RoundResult
{
    /// <summary>Invited candidates, best first.</summary>
    public required IReadOnlyList<InvitedCandidate> Invited { get; init; }

    /// <summary>Lowest invited score; null when nobody was invited.</summary>
    public decimal? CutOffScore { get; init; }

    /// <summary>How a tie at the cut-off was decided; null when the cut-off split no tie.</summary>
    public CutOffTieBreak? TieBreak { get; init; }

    /// <summary>Number of eligible candidates in the pool (invited or not).</summary>
    public required int EligibleCount { get; init; }

    /// <summary>Ids of the invited candidates, best first.</summary>
    public IEnumerable<string> InvitedIds => Invited.Select(i => i.Id);
}

/// <summary>
/// Selects the top N eligible candidates of a ranked pool. Eligible: passes the filters, not excluded, and,
/// when the scorecard has a pass mark, total ≥ pass mark. Order: total descending, earlier timestamp, then id.
/// </summary>
public static class InvitationRound
{
    /// <summary>Runs the selection.</summary>
    public static RoundResult Select(PoolScores ranked, RoundRequest request)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfNegative(request.Invitations);
        var pool = ranked.Pool;
        var passMark = ranked.Scorecard.Scorecard.PassMark;
        var invited = new List<InvitedCandidate>(Math.Min(request.Invitations, ranked.Count));
        var ranking = ranked.Ranking;
        var eligible = 0;
        int? firstLeftOut = null;
        for (var r = 0; r < ranking.Length; r++)
        {
            var index = ranking[r];
            if (!IsEligible(ranked, index, request, passMark)) continue;
            eligible++;
            if (invited.Count < request.Invitations)
                invited.Add(new InvitedCandidate(pool.IdOf(index), ranked.TotalOf(index), r + 1, pool.SubmittedOf(index)));
            else firstLeftOut ??= index;
        }

        decimal? cutOff = invited.Count > 0 ? invited[^1].Score : null;
        CutOffTieBreak? tieBreak = null;
        if (cutOff is { } cut && firstLeftOut is { } next && ranked.TotalOf(next) == cut)
            tieBreak = DescribeTie(ranked, request, passMark, invited, cut, next);
        return new RoundResult { Invited = invited, CutOffScore = cutOff, TieBreak = tieBreak, EligibleCount = eligible };
    }

    internal static bool IsEligible(PoolScores ranked, int index, RoundRequest request, decimal? passMark)
    {
        var pool = ranked.Pool;
        if (request.Occupations is { } occupations && (pool.OccupationOf(index) is not { } o || !occupations.Contains(o))) return false;
        if (request.Regions is { } regions && (pool.RegionOf(index) is not { } g || !regions.Contains(g))) return false;
        if (request.ExcludedIds is { } excluded && excluded.Contains(pool.IdOf(index))) return false;
        return passMark is not { } mark || ranked.ScaledTotalOf(index) >= CompiledScorecard.ToScaled(mark);
    }

    private static CutOffTieBreak DescribeTie(
        PoolScores ranked, RoundRequest request, decimal? passMark, List<InvitedCandidate> invited, decimal cut, int firstLeftOut)
    {
        var atCutOffInvited = invited.Count(i => i.Score == cut);
        var atCutOffLeftOut = 0;
        var ranking = ranked.Ranking;
        for (var r = ranked.RankOf(firstLeftOut); r < ranking.Length && ranked.TotalOf(ranking[r]) == cut; r++)
            if (IsEligible(ranked, ranking[r], request, passMark)) atCutOffLeftOut++;
        var last = invited[^1].Submitted;
        var nextSubmitted = ranked.Pool.SubmittedOf(firstLeftOut);
        var byId = last == nextSubmitted;
        var explanation =
            $"{atCutOffInvited + atCutOffLeftOut} eligible candidates scored exactly the cut-off of {ScoreText.Points(cut)}; "
            + $"the {atCutOffInvited} with the earliest profile timestamps (up to {last:yyyy-MM-dd HH:mm:ss} UTC) were invited and "
            + $"the {atCutOffLeftOut} with later timestamps (from {nextSubmitted:yyyy-MM-dd HH:mm:ss} UTC) were not"
            + (byId ? "; the last invited and the first left out have the same timestamp, so the smaller profile id went first." : ".");
        return new CutOffTieBreak
        {
            CandidatesAtCutOff = atCutOffInvited + atCutOffLeftOut,
            InvitedAtCutOff = atCutOffInvited,
            LastInvitedSubmitted = last,
            FirstNotInvitedSubmitted = nextSubmitted,
            DecidedByProfileId = byId,
            Explanation = explanation,
        };
    }
}
