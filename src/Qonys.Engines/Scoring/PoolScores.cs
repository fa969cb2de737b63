namespace Qonys.Engines.Scoring;

/// <summary>
/// The scores of a whole pool under one scorecard: per profile the total and one band index per criterion,
/// plus the ranking (total descending, then earlier timestamp, then id). Any profile's full explanation can be
/// materialised on demand and equals what <see cref="CompiledScorecard.Evaluate"/> returns for its facts.
/// </summary>
public sealed class PoolScores
{
    private const int ChunkSize = 16_384;

    private readonly long[] _totals;
    private readonly byte[] _bands; // criterion-major: _bands[criterion * Count + profile]
    private readonly int[] _ranking;
    private readonly int[] _rankOf;

    private PoolScores(CompiledScorecard scorecard, ProfilePool pool, long[] totals, byte[] bands, int[] ranking)
    {
        Scorecard = scorecard;
        Pool = pool;
        _totals = totals;
        _bands = bands;
        _ranking = ranking;
        _rankOf = new int[ranking.Length];
        for (var r = 0; r < ranking.Length; r++) _rankOf[ranking[r]] = r;
    }

    /// <summary>The scorecard used.</summary>
    public CompiledScorecard Scorecard { get; }

    /// <summary>The pool scored.</summary>
    public ProfilePool Pool { get; }

    /// <summary>Number of profiles.</summary>
    public int Count => _totals.Length;

    /// <summary>Profile indices from best to worst.</summary>
    public ReadOnlySpan<int> Ranking => _ranking;

    /// <summary>Total (after caps) of the profile at <paramref name="profileIndex"/>.</summary>
    public decimal TotalOf(int profileIndex) => CompiledScorecard.FromScaled(_totals[profileIndex]);

    /// <summary>Zero-based rank of the profile at <paramref name="profileIndex"/> (0 = best).</summary>
    public int RankOf(int profileIndex) => _rankOf[profileIndex];

    /// <summary>Matched band index of one criterion for one profile; null when no band matched.</summary>
    public int? BandIndexOf(int profileIndex, int criterionIndex)
    {
        var band = _bands[(criterionIndex * Count) + profileIndex];
        return band == CompiledScorecard.NoBand ? null : band;
    }

    /// <summary>The full per-criterion explanation of one profile, built from the stored band indices.</summary>
    public ScoreResult Explain(int profileIndex)
    {
        var criteria = Scorecard.Criteria;
        var values = new FactValue?[criteria.Length];
        var bands = new byte[criteria.Length];
        for (var c = 0; c < criteria.Length; c++)
        {
            values[c] = Pool.FactOf(profileIndex, criteria[c].Source.Fact);
            bands[c] = _bands[(c * Count) + profileIndex];
        }
        return ScoreExplanation.Build(Scorecard, values, bands);
    }

    internal long ScaledTotalOf(int profileIndex) => _totals[profileIndex];

    internal static PoolScores Score(CompiledScorecard scorecard, ProfilePool pool)
    {
        ArgumentNullException.ThrowIfNull(pool);
        var count = pool.Count;
        var criteria = scorecard.Criteria;
        var totals = new long[count];
        var bands = new byte[criteria.Length * count];
        var columns = criteria.Select(c => CriterionColumn.For(c, pool)).ToArray();
        var chunks = (count + ChunkSize - 1) / ChunkSize;
        Parallel.For(0, chunks, chunk =>
        {
            var start = chunk * ChunkSize;
            var length = Math.Min(ChunkSize, count - start);
            var groupSums = new long[scorecard.GroupCaps.Length * length];
            for (var c = 0; c < criteria.Length; c++)
            {
                var target = scorecard.Criteria[c].Group is var g and >= 0
                    ? groupSums.AsSpan(g * length, length)
                    : totals.AsSpan(start, length);
                columns[c].Score(start, target, bands.AsSpan((c * count) + start, length));
            }
            for (var g = 0; g < scorecard.GroupCaps.Length; g++)
            {
                var cap = scorecard.GroupCaps[g];
                var sums = groupSums.AsSpan(g * length, length);
                var chunkTotals = totals.AsSpan(start, length);
                for (var i = 0; i < length; i++) chunkTotals[i] += Math.Min(sums[i], cap);
            }
        });
        return new PoolScores(scorecard, pool, totals, bands, Rank(totals, pool.TimestampRank));
    }

    /// <summary>Sorts by total descending, then timestamp rank ascending; halves are sorted in parallel and merged.</summary>
    private static int[] Rank(long[] totals, int[] timestampRank)
    {
        var keys = new RankKey[totals.Length];
        for (var i = 0; i < keys.Length; i++) keys[i] = new RankKey(-totals[i], timestampRank[i], i);
        var half = keys.Length / 2;
        Parallel.Invoke(() => Array.Sort(keys, 0, half), () => Array.Sort(keys, half, keys.Length - half));
        var ranking = new int[keys.Length];
        int left = 0, right = half, output = 0;
        while (left < half && right < keys.Length)
            ranking[output++] = keys[left].CompareTo(keys[right]) <= 0 ? keys[left++].Index : keys[right++].Index;
        while (left < half) ranking[output++] = keys[left++].Index;
        while (right < keys.Length) ranking[output++] = keys[right++].Index;
        return ranking;
    }

    private readonly record struct RankKey(long NegativeTotal, int TimestampRank, int Index) : IComparable<RankKey>
    {
        public int CompareTo(RankKey other) =>
            NegativeTotal != other.NegativeTotal ? NegativeTotal.CompareTo(other.NegativeTotal) : TimestampRank.CompareTo(other.TimestampRank);
    }

    /// <summary>One criterion bound to its pool column.</summary>
    private sealed class CriterionColumn
    {
        private readonly CompiledCriterion _criterion;
        private readonly double[]? _numbers;
        private readonly int[]? _codes;
        private readonly byte[] _bandOfCode;

        private CriterionColumn(CompiledCriterion criterion, double[]? numbers, int[]? codes, byte[] bandOfCode)
        {
            _criterion = criterion;
            _numbers = numbers;
            _codes = codes;
            _bandOfCode = bandOfCode;
        }

        public static CriterionColumn For(CompiledCriterion criterion, ProfilePool pool)
        {
            if (criterion.IsNumeric) return new(criterion, pool.NumericColumn(criterion.Source.Fact), null, []);
            var text = pool.TextColumnOf(criterion.Source.Fact);
            if (text is null) return new(criterion, null, null, []);
            return new(criterion, null, text.Codes, text.Values.Select(criterion.MatchText).ToArray());
        }

        /// <summary>Writes the band of each profile in [start, start + bands.Length) and adds its points to <paramref name="sums"/>.</summary>
        public void Score(int start, Span<long> sums, Span<byte> bands)
        {
            var points = _criterion.PointsByBand;
            if (_numbers is { } numbers)
            {
                var values = numbers.AsSpan(start, bands.Length);
                for (var i = 0; i < values.Length; i++)
                {
                    var band = _criterion.MatchNumber(values[i]);
                    bands[i] = band;
                    sums[i] += points[band];
                }
            }
            else if (_codes is { } allCodes)
            {
                var codes = allCodes.AsSpan(start, bands.Length);
                var bandOfCode = _bandOfCode;
                for (var i = 0; i < codes.Length; i++)
                {
                    var code = codes[i];
                    var band = code < 0 ? CompiledScorecard.NoBand : bandOfCode[code];
                    bands[i] = band;
                    sums[i] += points[band];
                }
            }
            else
            {
                bands.Fill(CompiledScorecard.NoBand);
            }
        }
    }
}
