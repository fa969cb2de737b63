using Qonys.Engines.Scoring;

namespace Qonys.Bench.Scoring;

/// <summary>Synthetic candidate facts as raw columns (numeric values, or codes into each criterion's first-listed values).</summary>
internal sealed class SyntheticColumns
{
    private SyntheticColumns(int count, Dictionary<string, double[]> numeric, Dictionary<string, (int[] Codes, string[] Values)> text, long[] ticks)
    {
        Count = count;
        Numeric = numeric;
        Text = text;
        Ticks = ticks;
    }

    public int Count { get; }

    public Dictionary<string, double[]> Numeric { get; }

    public Dictionary<string, (int[] Codes, string[] Values)> Text { get; }

    public long[] Ticks { get; }

    public static SyntheticColumns Generate(Scorecard card, int count, int seed)
    {
        var random = new Random(seed);
        var numeric = new Dictionary<string, double[]>();
        var text = new Dictionary<string, (int[], string[])>();
        foreach (var criterion in card.Criteria)
        {
            if (criterion.Kind == CriterionKind.Numeric)
            {
                var (lo, hi) = criterion.Fact switch
                {
                    "age" => (18.0, 60.0),
                    "experienceYears" => (0.0, 20.0),
                    "offeredMonthlySalaryKzt" => (100_000.0, 1_500_000.0),
                    _ => (0.0, 100.0),
                };
                var values = new double[count];
                for (var i = 0; i < count; i++)
                    values[i] = random.Next(50) == 0 ? double.NaN : Math.Floor(lo + (random.NextDouble() * (hi - lo)));
                numeric[criterion.Fact] = values;
            }
            else
            {
                var values = criterion.Bands.SelectMany(b => b.Values ?? []).ToArray();
                var codes = new int[count];
                for (var i = 0; i < count; i++) codes[i] = random.Next(50) == 0 ? -1 : random.Next(values.Length);
                text[criterion.Fact] = (codes, values);
            }
        }
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).UtcTicks;
        var ticks = new long[count];
        for (var i = 0; i < count; i++) ticks[i] = start + (random.Next(0, 90 * 24 * 60) * TimeSpan.TicksPerMinute);
        return new SyntheticColumns(count, numeric, text, ticks);
    }

    public ProfilePool ToPool()
    {
        var builder = new ProfilePoolBuilder();
        for (var i = 0; i < Count; i++)
        {
            var facts = new Dictionary<string, FactValue>();
            foreach (var (name, values) in Numeric)
                if (!double.IsNaN(values[i])) facts[name] = values[i];
            foreach (var (name, (codes, values)) in Text)
                if (codes[i] >= 0) facts[name] = values[codes[i]];
            builder.Add(new CandidateProfile($"P{i:D7}", new DateTimeOffset(Ticks[i], TimeSpan.Zero), null, null, facts));
        }
        return builder.Build();
    }
}
