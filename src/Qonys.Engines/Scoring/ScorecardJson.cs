using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Qonys.Engines.Json;

namespace Qonys.Engines.Scoring;

/// <summary>The JSON format of scorecards and score results (camelCase, nulls omitted).</summary>
public static class ScorecardJson
{
    /// <summary>Serializer options for scorecards, results and fact values.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Writes a scorecard as indented JSON.</summary>
    public static string Serialize(Scorecard scorecard) => JsonSerializer.Serialize(scorecard, Options);

    /// <summary>Reads a scorecard from JSON; throws <see cref="JsonException"/> when the text is not a scorecard.</summary>
    public static Scorecard Deserialize(string json) =>
        JsonSerializer.Deserialize<Scorecard>(json, Options)
        ?? throw new JsonException("The JSON text is 'null', not a scorecard.");

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            WriteIndented = true,
            // "criteria": [null] and the like are not a scorecard: refused while reading, never met by the validator.
            TypeInfoResolver = new DefaultJsonTypeInfoResolver().WithAddedModifier(NullElements.Reject),
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
