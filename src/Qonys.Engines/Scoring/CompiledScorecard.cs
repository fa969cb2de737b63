namespace Qonys.Engines.Scoring;

/// <summary>
/// A validated scorecard turned into fast lookup structures: numeric bands as sorted thresholds, categorical
/// bands as a value dictionary, points as scaled integers. Immutable and safe to share between threads.
/// </summary>
public sealed class CompiledScorecard
{
    /// <summary>Band index meaning "no band matched".</summary>
    internal const byte NoBand = byte.MaxValue;

    /// <summary>Points are held as integers in units of 1/10,000 (validation allows at most 4 decimal places).</summary>
    internal const long PointScale = 10_000;

    private CompiledScorecard(Scorecard scorecard)
    {
        Scorecard = scorecard;
        var groupIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var g = 0; g < scorecard.Groups.Count; g++) groupIndex[scorecard.Groups[g].Key] = g;
        Criteria = scorecard.Criteria
            .Select((c, i) => new CompiledCriterion(c, i, c.Group is { } key ? groupIndex[key] : -1))
            .ToArray();
        GroupCaps = scorecard.Groups.Select(g => ToScaled(g.Cap)).ToArray();
    }

    /// <summary>The scorecard this was compiled from.</summary>
    public Scorecard Scorecard { get; }

    internal CompiledCriterion[] Criteria { get; }

    internal long[] GroupCaps { get; }

    /// <summary>Validates and compiles; throws <see cref="InvalidScorecardException"/> listing every problem if invalid.</summary>
    public static CompiledScorecard Compile(Scorecard scorecard)
    {
        ScorecardValidator.EnsureValid(scorecard);
        return new CompiledScorecard(scorecard);
    }

    /// <summary>Evaluates one set of facts and explains every criterion.</summary>
    public ScoreResult Evaluate(IReadOnlyDictionary<string, FactValue> facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var values = new FactValue?[Criteria.Length];
        var bands = new byte[Criteria.Length];
        for (var c = 0; c < Criteria.Length; c++)
        {
            var criterion = Criteria[c];
            FactValue? value = null;
            if (facts.TryGetValue(criterion.Source.Fact, out var v) && !(v.Number is { } n && double.IsNaN(n))) value = v;
            values[c] = value;
            bands[c] = criterion.Match(value);
        }
        return ScoreExplanation.Build(this, values, bands);
    }

    /// <summary>Scores every profile of the pool (in parallel chunks, deterministically) and ranks them.</summary>
    public PoolScores ScoreAll(ProfilePool pool) => PoolScores.Score(this, pool);

    internal static long ToScaled(decimal points) => (long)(points * PointScale);

    internal static decimal FromScaled(long scaled) => scaled / (decimal)PointScale;
}

/// <summary>One criterion ready for fast matching.</summary>
internal sealed class CompiledCriterion
{
    private readonly Dictionary<string, byte> _valueToBand = new(StringComparer.OrdinalIgnoreCase);

    public CompiledCriterion(Criterion source, int index, int group)
    {
        Source = source;
        Index = index;
        Group = group;
        IsNumeric = source.Kind == CriterionKind.Numeric;
        PointsByBand = new long[256];
        for (var b = 0; b < source.Bands.Count; b++) PointsByBand[b] = CompiledScorecard.ToScaled(source.Bands[b].Points);
        DefaultBand = CompiledScorecard.NoBand;
        if (IsNumeric)
        {
            var order = Enumerable.Range(0, source.Bands.Count)
                .OrderBy(b => source.Bands[b].Min ?? decimal.MinValue)
                .ToArray();
            SortedToBand = order.Select(b => (byte)b).ToArray();
            Thresholds = order.Skip(1).Select(b => (double)source.Bands[b].Min!.Value).ToArray();
        }
        else
        {
            SortedToBand = [];
            Thresholds = [];
            for (var b = 0; b < source.Bands.Count; b++)
            {
                var band = source.Bands[b];
                if (band.IsDefault) DefaultBand = (byte)b;
                foreach (var value in band.Values ?? []) _valueToBand[value] = (byte)b;
            }
        }
    }

    public Criterion Source { get; }

    public int Index { get; }

    /// <summary>Index of the group in the scorecard's group list, or −1.</summary>
    public int Group { get; }

    public bool IsNumeric { get; }

    /// <summary>Scaled points per band index; index 255 (no band) holds 0.</summary>
    public long[] PointsByBand { get; }

    /// <summary>Lower bounds of the 2nd, 3rd, … band in ascending order (the first band starts at −∞).</summary>
    public double[] Thresholds { get; }

    /// <summary>Band index of each position in ascending order.</summary>
    public byte[] SortedToBand { get; }

    public byte DefaultBand { get; }

    public byte Match(FactValue? value)
    {
        if (value is not { } v) return CompiledScorecard.NoBand;
        if (IsNumeric) return v.Number is { } n ? MatchNumber(n) : CompiledScorecard.NoBand;
        return v.Text is { } t ? MatchText(t) : CompiledScorecard.NoBand;
    }

    /// <summary>The band of a number; NaN (not provided) gives no band. Min is inclusive, max exclusive.</summary>
    public byte MatchNumber(double value)
    {
        if (double.IsNaN(value)) return CompiledScorecard.NoBand;
        var thresholds = Thresholds;
        var position = 0;
        while (position < thresholds.Length && value >= thresholds[position]) position++;
        return SortedToBand[position];
    }

    public byte MatchText(string value) => _valueToBand.TryGetValue(value, out var band) ? band : DefaultBand;
}
