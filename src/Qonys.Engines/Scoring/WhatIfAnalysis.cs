namespace Qonys.Engines.Scoring;

/// <summary>A profile entering or leaving the invited set under a draft scorecard.</summary>
/// <param name="Id">Profile id.</param>
/// <param name="OldScore">Score under the published scorecard.</param>
/// <param name="NewScore">Score under the draft.</param>
/// <param name="OldRank">1-based pool rank under the published scorecard.</param>
/// <param name="NewRank">1-based pool rank under the draft.</param>
public sealed record WhatIfMove(string Id, decimal OldScore, decimal NewScore, int OldRank, int NewRank);

/// <summary>A score distribution: histogram on fixed bin edges plus summary statistics.</summary>
public sealed record ScoreDistribution
{
    /// <summary>Number of profiles.</summary>
    public required int Count { get; init; }

    /// <summary>Arithmetic mean, rounded to 4 decimal places.</summary>
    public required decimal Mean { get; init; }

    /// <summary>Median (nearest rank: the ⌈n/2⌉-th smallest score).</summary>
    public required decimal Median { get; init; }

    /// <summary>10th percentile (nearest rank).</summary>
    public required decimal P10 { get; init; }

    /// <summary>90th percentile (nearest rank).</summary>
    public required decimal P90 { get; init; }

    /// <summary>Bin edges; bin k holds scores s with edges[k] ≤ s &lt; edges[k+1].</summary>
    public required IReadOnlyList<decimal> BinEdges { get; init; }

    /// <summary>Profiles per bin.</summary>
    public required IReadOnlyList<int> Counts { get; init; }
}

/// <summary>The comparison of a draft scorecard with the published one over the same pool.</summary>
public sealed record WhatIfResult
{
    /// <summary>The round under the published scorecard.</summary>
    public required RoundResult Published { get; init; }

    /// <summary>The same round under the draft.</summary>
    public required RoundResult Draft { get; init; }

    /// <summary>Invited under the draft but not under the published version, by new rank.</summary>
    public required IReadOnlyList<WhatIfMove> Entering { get; init; }

    /// <summary>Invited under the published version but not under the draft, by old rank.</summary>
    public required IReadOnlyList<WhatIfMove> Leaving { get; init; }

    /// <summary>Score distribution of the whole pool under the published scorecard.</summary>
    public required ScoreDistribution Before { get; init; }

    /// <summary>Score distribution of the whole pool under the draft, on the same bin edges.</summary>
    public required ScoreDistribution After { get; init; }
}

/// <summary>What-if: run a draft scorecard against the pool and see who would enter and leave the invited set.</summary>
public static class WhatIfAnalysis
{
    /// <summary>Target number of histogram bins; the width is rounded up to 1, 2 or 5 × 10^k points.</summary>
    public const int TargetBins = 20;

    /// <summary>Scores the pool under both versions and compares the rounds and the distributions.</summary>
    public static WhatIfResult Compare(ProfilePool pool, CompiledScorecard published, CompiledScorecard draft, RoundRequest request)
    {
        ArgumentNullException.ThrowIfNull(published);
        ArgumentNullException.ThrowIfNull(draft);
        var before = published.ScoreAll(pool);
        var after = draft.ScoreAll(pool);
        return Compare(before, after, request);
    }

    /// <summary>Compares two scorings of the same pool.</summary>
    public static WhatIfResult Compare(PoolScores before, PoolScores after, RoundRequest request)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        if (!ReferenceEquals(before.Pool, after.Pool)) throw new ArgumentException("both scorings must be of the same pool", nameof(after));
        var oldRound = InvitationRound.Select(before, request);
        var newRound = InvitationRound.Select(after, request);
        var oldIds = oldRound.InvitedIds.ToHashSet(StringComparer.Ordinal);
        var newIds = newRound.InvitedIds.ToHashSet(StringComparer.Ordinal);
        var pool = before.Pool;
        WhatIfMove Move(string id)
        {
            var index = pool.IndexOf(id);
            return new WhatIfMove(id, before.TotalOf(index), after.TotalOf(index), before.RankOf(index) + 1, after.RankOf(index) + 1);
        }
        var entering = newRound.InvitedIds.Where(id => !oldIds.Contains(id)).Select(Move).ToList();
        var leaving = oldRound.InvitedIds.Where(id => !newIds.Contains(id)).Select(Move).ToList();
        var edges = BinEdges(before, after);
        return new WhatIfResult
        {
            Published = oldRound,
            Draft = newRound,
            Entering = entering,
            Leaving = leaving,
            Before = Distribution(before, edges),
            After = Distribution(after, edges),
        };
    }

    /// <summary>
    /// Edges shared by both distributions: width = (max − min) / 20 rounded up to 1, 2 or 5 × 10^k (at least 0.0001),
    /// first edge = min rounded down to a multiple of the width, last edge above the max.
    /// </summary>
    internal static long[] BinEdges(PoolScores before, PoolScores after)
    {
        if (before.Count == 0) return [0, CompiledScorecard.PointScale];
        var min = Math.Min(Lowest(before), Lowest(after));
        var max = Math.Max(Highest(before), Highest(after));
        var width = NiceWidth(Math.Max(1, (max - min + TargetBins - 1) / TargetBins));
        var first = FloorTo(min, width);
        var bins = (int)((max - first) / width) + 1;
        var edges = new long[bins + 1];
        for (var k = 0; k <= bins; k++) edges[k] = first + (k * width);
        return edges;
    }

    private static long Lowest(PoolScores scores) => scores.ScaledTotalOf(scores.Ranking[^1]);

    private static long Highest(PoolScores scores) => scores.ScaledTotalOf(scores.Ranking[0]);

    private static long NiceWidth(long raw)
    {
        for (long power = 1; ; power *= 10)
            foreach (var step in (ReadOnlySpan<long>)[1, 2, 5])
                if (step * power >= raw) return step * power;
    }

    private static long FloorTo(long value, long width) => value >= 0 ? value / width * width : -((-value + width - 1) / width * width);

    private static ScoreDistribution Distribution(PoolScores scores, long[] edges)
    {
        var count = scores.Count;
        var counts = new int[edges.Length - 1];
        var width = edges[1] - edges[0];
        long sum = 0;
        for (var i = 0; i < count; i++)
        {
            var total = scores.ScaledTotalOf(i);
            sum += total;
            counts[(int)((total - edges[0]) / width)]++;
        }
        // Ranking is descending, so the k-th smallest score (1-based) sits at ranking[count - k].
        decimal NearestRank(int percent)
        {
            if (count == 0) return 0;
            var k = Math.Max(1, (int)Math.Ceiling(count * percent / 100.0));
            return scores.TotalOf(scores.Ranking[count - k]);
        }
        return new ScoreDistribution
        {
            Count = count,
            Mean = count == 0 ? 0 : Math.Round(CompiledScorecard.FromScaled(sum) / count, 4),
            Median = NearestRank(50),
            P10 = NearestRank(10),
            P90 = NearestRank(90),
            BinEdges = edges.Select(CompiledScorecard.FromScaled).ToArray(),
            Counts = counts,
        };
    }
}
