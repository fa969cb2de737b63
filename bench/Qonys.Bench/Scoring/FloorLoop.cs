using Qonys.Engines.Scoring;

namespace Qonys.Bench.Scoring;

/// <summary>
/// The floor: one loop over the raw columns that only sums each profile's points (group caps included), keeping no
/// band indices and sorting nothing. Like the engine (<c>PoolScores.Score</c>) it runs over chunks of 16,384 profiles
/// with <see cref="Parallel.For(int, int, Action{int})"/>, so both use every core the process may run on (one core
/// under <c>taskset -c 0</c>): the ratio compares them at the same parallelism.
/// </summary>
internal sealed class FloorLoop
{
    private const int ChunkSize = 16_384;

    private readonly SyntheticColumns _columns;
    private readonly (double[]? Numbers, int[]? Codes, double[] Thresholds, long[] Points, int Group)[] _criteria;
    private readonly long[] _caps;

    public FloorLoop(Scorecard card, SyntheticColumns columns)
    {
        _columns = columns;
        _caps = card.Groups.Select(g => (long)(g.Cap * 10_000)).ToArray();
        _criteria = card.Criteria.Select(c =>
        {
            var group = c.Group is { } key ? card.Groups.ToList().FindIndex(g => g.Key == key) : -1;
            if (c.Kind == CriterionKind.Numeric)
            {
                var sorted = c.Bands.OrderBy(b => b.Min ?? decimal.MinValue).ToArray();
                // Points by position; one extra slot (0 points) for "not provided".
                var points = sorted.Select(b => (long)(b.Points * 10_000)).Append(0).ToArray();
                return (columns.Numeric[c.Fact], (int[]?)null, sorted.Skip(1).Select(b => (double)b.Min!.Value).ToArray(), points, group);
            }
            var (codes, values) = columns.Text[c.Fact];
            var byCode = values.Select(v => (long)(c.Bands.First(b => b.Values?.Contains(v) == true).Points * 10_000)).Append(0).ToArray();
            // Code −1 (not provided) maps to the extra last slot.
            return ((double[]?)null, codes, Array.Empty<double>(), byCode, group);
        }).ToArray();
    }

    /// <summary>Sums all profiles' points; returns the grand total as a checksum.</summary>
    public long Run()
    {
        var count = _columns.Count;
        long grandTotal = 0;
        Parallel.For(0, (count + ChunkSize - 1) / ChunkSize, chunk =>
            Interlocked.Add(ref grandTotal, Sum(chunk * ChunkSize, Math.Min(count, (chunk + 1) * ChunkSize))));
        return grandTotal;
    }

    private long Sum(int from, int to)
    {
        var criteria = _criteria;
        var caps = _caps;
        Span<long> groupSums = stackalloc long[caps.Length];
        long grandTotal = 0;
        for (var i = from; i < to; i++)
        {
            long total = 0;
            groupSums.Clear();
            for (var k = 0; k < criteria.Length; k++)
            {
                ref readonly var criterion = ref criteria[k];
                var (numbers, codes, thresholds, points, group) = (criterion.Numbers, criterion.Codes, criterion.Thresholds, criterion.Points, criterion.Group);
                long p;
                if (numbers is not null)
                {
                    var v = numbers[i];
                    var position = 0;
                    if (double.IsNaN(v)) position = points.Length - 1;
                    else while (position < thresholds.Length && v >= thresholds[position]) position++;
                    p = points[position];
                }
                else
                {
                    var code = codes![i];
                    p = points[code < 0 ? points.Length - 1 : code];
                }
                if (group >= 0) groupSums[group] += p;
                else total += p;
            }
            for (var g = 0; g < caps.Length; g++) total += Math.Min(groupSums[g], caps[g]);
            grandTotal += total;
        }
        return grandTotal;
    }
}
