using Qonys.Engines.Scoring;

namespace Qonys.Tests.Scoring;

/// <summary>Small hand-built scorecards and fact sets whose scores can be worked out on paper.</summary>
internal static class TestCards
{
    /// <summary>
    /// age: &lt;18 → 0, [18,30) → 20, [30,40) → 10, ≥40 → −5.
    /// english (group lang): B2/C1 → 10, B1 → 5, anything else → 0 (default).
    /// kazakh (group lang): B2 → 15, A2 → 5, no default.
    /// Group lang capped at 20. Pass mark 25.
    /// </summary>
    public static Scorecard Small() => new()
    {
        Key = "test-card",
        Version = 3,
        EffectiveFrom = new DateOnly(2026, 1, 1),
        Title = "Test card",
        PassMark = 25,
        Criteria =
        [
            new Criterion
            {
                Key = "age", Title = "Age", Fact = "age", Kind = CriterionKind.Numeric,
                Bands =
                [
                    new Band { Max = 18, Points = 0, Label = "under 18" },
                    new Band { Min = 18, Max = 30, Points = 20, Label = "18–29" },
                    new Band { Min = 30, Max = 40, Points = 10, Label = "30–39" },
                    new Band { Min = 40, Points = -5, Label = "40+" },
                ],
            },
            new Criterion
            {
                Key = "english", Title = "English level", Fact = "english", Group = "lang", Kind = CriterionKind.Categorical,
                Bands =
                [
                    new Band { Values = ["B2", "C1"], Points = 10, Label = "B2–C1" },
                    new Band { Values = ["B1"], Points = 5, Label = "B1" },
                    new Band { IsDefault = true, Points = 0, Label = "other" },
                ],
            },
            new Criterion
            {
                Key = "kazakh", Title = "Kazakh level", Fact = "kazakh", Group = "lang", Kind = CriterionKind.Categorical,
                Bands =
                [
                    new Band { Values = ["B2"], Points = 15, Label = "B2" },
                    new Band { Values = ["A2"], Points = 5, Label = "A2" },
                ],
            },
        ],
        Groups = [new CriterionGroup { Key = "lang", Title = "Languages", Cap = 20 }],
    };

    /// <summary>One numeric criterion "points" whose fact value is its points: [k, k+1) → k for k = 0..9, below 0 → 0, ≥10 → 10.</summary>
    public static Scorecard Identity(decimal? passMark = null) => new()
    {
        Key = "identity",
        Version = 1,
        EffectiveFrom = new DateOnly(2026, 1, 1),
        Title = "Identity",
        PassMark = passMark,
        Criteria =
        [
            new Criterion
            {
                Key = "p", Title = "Points", Fact = "p", Kind = CriterionKind.Numeric,
                Bands = [new Band { Max = 0, Points = 0, Label = "below 0" },
                         .. Enumerable.Range(0, 10).Select(k => new Band { Min = k, Max = k + 1, Points = k, Label = $"{k}" }),
                         new Band { Min = 10, Points = 10, Label = "10+" }],
            },
        ],
    };

    public static Dictionary<string, FactValue> Facts(params (string Name, FactValue Value)[] facts) =>
        facts.ToDictionary(f => f.Name, f => f.Value, StringComparer.Ordinal);

    public static DateTimeOffset Day(int day, int hour = 0) => new(2026, 3, day, hour, 0, 0, TimeSpan.Zero);

    /// <summary>A pool for <see cref="Identity"/>: each entry gives id, points (the fact p), day of March and occupation/region.</summary>
    public static ProfilePool IdentityPool(params (string Id, double Points, int Day, string Occupation, string Region)[] profiles)
    {
        var builder = new ProfilePoolBuilder();
        foreach (var p in profiles)
            builder.Add(new CandidateProfile(p.Id, Day(p.Day), p.Occupation, p.Region, Facts(("p", p.Points))));
        return builder.Build();
    }

    public static string Json<T>(T value) => System.Text.Json.JsonSerializer.Serialize(value, ScorecardJson.Options);
}
