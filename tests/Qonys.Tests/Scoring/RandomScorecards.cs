using Qonys.Engines.Scoring;

namespace Qonys.Tests.Scoring;

/// <summary>Valid random scorecards and fact sets, built from an explicit seed (FsCheck supplies the seeds).</summary>
internal static class RandomScorecards
{
    private static readonly string[] Categories = ["a", "b", "c", "d", "e", "f"];

    /// <summary>A valid scorecard with 1–5 criteria, 0–2 capped groups, points with up to 2 decimals (some negative).</summary>
    public static Scorecard Create(Random random, bool monotonicNumeric = false)
    {
        var groupCount = random.Next(0, 3);
        var groups = Enumerable.Range(0, groupCount)
            .Select(g => new CriterionGroup { Key = $"g{g}", Title = $"Group {g}", Cap = random.Next(1, 40) })
            .ToArray();
        var criteria = Enumerable.Range(0, random.Next(1, 6))
            .Select(c => random.Next(2) == 0 || monotonicNumeric ? Numeric(random, c, monotonicNumeric) : Categorical(random, c))
            .Select(c => groupCount > 0 && random.Next(2) == 0 ? c with { Group = $"g{random.Next(groupCount)}" } : c)
            .ToArray();
        return new Scorecard
        {
            Key = "random", Version = random.Next(1, 9), EffectiveFrom = new DateOnly(2026, 1, 1), Title = "Random",
            PassMark = random.Next(2) == 0 ? null : random.Next(0, 60), Criteria = criteria, Groups = groups,
        };
    }

    private static decimal Points(Random random) => random.Next(-400, 2_000) / 100m;

    private static Criterion Numeric(Random random, int index, bool monotonic)
    {
        var thresholds = Enumerable.Range(0, random.Next(0, 6)).Select(_ => (decimal)random.Next(0, 100)).Distinct().Order().ToArray();
        var points = Enumerable.Range(0, thresholds.Length + 1).Select(_ => Points(random)).ToArray();
        if (monotonic) Array.Sort(points);
        var bands = new List<Band>();
        for (var b = 0; b <= thresholds.Length; b++)
        {
            decimal? min = b == 0 ? null : thresholds[b - 1];
            decimal? max = b == thresholds.Length ? null : thresholds[b];
            bands.Add(new Band { Min = min, Max = max, Points = points[b], Label = $"band {b}" });
        }
        // Shuffle so the compiler's sorting is exercised.
        var shuffled = bands.OrderBy(_ => random.Next()).ToArray();
        return new Criterion { Key = $"c{index}", Title = $"Criterion {index}", Fact = $"f{index}", Kind = CriterionKind.Numeric, Bands = shuffled };
    }

    private static Criterion Categorical(Random random, int index)
    {
        var values = Categories.Where(_ => random.Next(3) > 0).ToArray();
        var bands = new List<Band>();
        var start = 0;
        while (start < values.Length)
        {
            var take = random.Next(1, 3);
            bands.Add(new Band { Values = values.Skip(start).Take(take).ToArray(), Points = Points(random), Label = $"band {bands.Count}" });
            start += take;
        }
        if (bands.Count == 0 || random.Next(2) == 0) bands.Add(new Band { IsDefault = true, Points = Points(random), Label = "other" });
        return new Criterion { Key = $"c{index}", Title = $"Criterion {index}", Fact = $"f{index}", Kind = CriterionKind.Categorical, Bands = bands };
    }

    /// <summary>Facts for the scorecard: sometimes missing, sometimes of the wrong type, often on a band edge.</summary>
    public static Dictionary<string, FactValue> Facts(Random random, Scorecard card)
    {
        var facts = new Dictionary<string, FactValue>(StringComparer.Ordinal);
        foreach (var criterion in card.Criteria)
        {
            var roll = random.Next(20);
            if (roll == 0) continue;
            if (roll == 1)
            {
                facts[criterion.Fact] = criterion.Kind == CriterionKind.Numeric ? FactValue.Of("text") : FactValue.Of(1.0);
                continue;
            }
            facts[criterion.Fact] = criterion.Kind == CriterionKind.Numeric ? NumericValue(random, criterion) : CategoricalValue(random);
        }
        return facts;
    }

    public static FactValue NumericValue(Random random, Criterion criterion)
    {
        var edges = criterion.Bands.Select(b => b.Min).OfType<decimal>().ToArray();
        return random.Next(3) == 0 && edges.Length > 0
            ? FactValue.Of((double)edges[random.Next(edges.Length)])
            : FactValue.Of(random.Next(-2_000, 12_000) / 100.0);
    }

    private static FactValue CategoricalValue(Random random)
    {
        var value = random.Next(8) switch { 6 => "zzz", 7 => "B", var k => Categories[k] };
        return FactValue.Of(value);
    }
}
