using System.Reflection;

namespace Qonys.Engines.Scoring;

/// <summary>The scorecards shipped with the product (embedded JSON under Scoring/Shipped), version 1 of each.</summary>
public static class ShippedScorecards
{
    private const string ResourcePrefix = "Qonys.Engines.Scoring.Shipped.";

    /// <summary>Keys of the shipped scorecards.</summary>
    public static IReadOnlyList<string> Keys { get; } =
        ["skilled-migrant-pool", "permit-assessment", "employer-risk", "region-labour-deficit"];

    /// <summary>All shipped scorecards, freshly parsed (callers may not change shared state).</summary>
    public static IReadOnlyList<Scorecard> All() => Keys.Select(Get).ToList();

    /// <summary>One shipped scorecard by key; throws <see cref="ArgumentException"/> for an unknown key.</summary>
    public static Scorecard Get(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!Keys.Contains(key)) throw new ArgumentException($"no shipped scorecard has the key {ScoreText.Quoted(key)}", nameof(key));
        using var stream = typeof(ShippedScorecards).Assembly.GetManifestResourceStream(ResourcePrefix + key + ".json")
            ?? throw new InvalidOperationException($"the embedded resource for {ScoreText.Quoted(key)} is missing");
        using var reader = new StreamReader(stream);
        return ScorecardJson.Deserialize(reader.ReadToEnd());
    }
}
