using System.Text.Json.Nodes;

namespace Qonys.IntegrationTests.Security;

/// <summary>
/// Request bodies for a route of the OpenAPI document: a well-formed body built from the operation's schema, then
/// broken in one to three places (a null, a null list element, a wrong type, an extreme number or date, a huge string,
/// a missing member), or replaced as a whole. Built from an explicit seed, so a failure names a body that repeats.
/// </summary>
static class MalformedBodies
{
    static readonly Func<Random, JsonNode?>[] Breakers =
    [
        _ => null,
        _ => new JsonArray((JsonNode?)null),
        _ => new JsonArray(),
        _ => new JsonObject(),
        _ => "",
        r => new string('x', r.Next(1, 4) * 2_000),
        _ => -1,
        _ => 0,
        _ => long.MaxValue,
        _ => JsonNode.Parse("1e308"),
        _ => JsonNode.Parse("123456789012345678901234567890"),
        _ => 0.5m,
        _ => true,
        _ => "9999-12-31",
        _ => "0001-01-01",
        _ => "00000000-0000-0000-0000-000000000000",
        _ => "000000000000",
        _ => JsonNode.Parse("[[[[[[[[[[null]]]]]]]]]]"),
        _ => JsonNode.Parse("""{"a": {"b": [null, {}, []]}}"""),
        _ => "\u0000\ud7ff<script>'\"",
    ];

    static readonly string?[] WholeBodies = ["null", "[]", "[null]", "\"text\"", "123", "{}", "{\"a\":", "{} {}", null];

    /// <summary>The body text, or null for a request with no body at all. <paramref name="example"/>, when given, is
    /// the valid body to break instead of one built from the schema.</summary>
    public static string? Create(JsonObject document, JsonNode? schema, JsonNode? example, int seed)
    {
        var random = new Random(seed);
        if (random.Next(8) == 0) return WholeBodies[random.Next(WholeBodies.Length)];
        var body = example?.DeepClone() ?? Valid(document, schema, random, depth: 0) ?? new JsonObject();
        var wrapper = new JsonObject { ["body"] = body }; // so the root itself can be replaced too
        for (var i = random.Next(1, 4); i > 0; i--) Break(wrapper, random);
        return wrapper["body"]?.ToJsonString() ?? "null";
    }

    static JsonNode? Resolve(JsonObject document, JsonNode? schema)
    {
        for (var hops = 0; hops < 20 && schema?["$ref"]?.GetValue<string>() is { } reference; hops++)
            schema = document["components"]?["schemas"]?[reference.Split('/')[^1]];
        return schema;
    }

    static string? TypeOf(JsonNode? schema) => schema?["type"] switch
    {
        JsonValue v => v.GetValue<string>(),
        JsonArray a => a.Select(t => t?.GetValue<string>()).FirstOrDefault(t => t != "null"),
        _ => schema?["properties"] is not null ? "object" : null,
    };

    static JsonNode? Valid(JsonObject document, JsonNode? schema, Random random, int depth)
    {
        schema = Resolve(document, schema);
        if (schema is null || depth > 6) return null;
        foreach (var alternative in new[] { "oneOf", "anyOf", "allOf" })
            if (schema[alternative] is JsonArray options && options.Count > 0)
                return Valid(document, options.FirstOrDefault(o => TypeOf(Resolve(document, o)) is not null) ?? options[0], random, depth + 1);
        if (schema["enum"] is JsonArray values && values.Count > 0) return values[random.Next(values.Count)]?.DeepClone();
        switch (TypeOf(schema))
        {
            case "object":
                var result = new JsonObject();
                if (schema["properties"] is JsonObject properties)
                    foreach (var (name, property) in properties) result[name] = Valid(document, property, random, depth + 1);
                return result;
            case "array":
                var list = new JsonArray();
                for (var i = random.Next(1, 3); i > 0; i--) list.Add(Valid(document, schema["items"], random, depth + 1));
                return list;
            case "integer": return random.Next(1, 100);
            case "number": return random.Next(1, 1000) / 10m;
            case "boolean": return random.Next(2) == 0;
            case "string":
                return schema["format"]?.GetValue<string>() switch
                {
                    "date" => "2026-06-01",
                    "date-time" => "2026-06-01T10:00:00Z",
                    "uuid" => Guid.NewGuid().ToString(),
                    _ => "text",
                };
            default: return new JsonObject();
        }
    }

    /// <summary>Replaces one node of the tree (the root included), adds a null element to a list, or removes a member.</summary>
    static void Break(JsonObject wrapper, Random random)
    {
        var places = new List<(JsonNode Parent, object Slot)>();
        void Collect(JsonNode parent)
        {
            switch (parent)
            {
                case JsonObject o:
                    foreach (var (name, child) in o.ToList())
                    {
                        places.Add((o, name));
                        if (child is not null) Collect(child);
                    }
                    break;
                case JsonArray a:
                    places.Add((a, -1)); // "add a null element here"
                    for (var i = 0; i < a.Count; i++)
                    {
                        places.Add((a, i));
                        if (a[i] is { } child) Collect(child);
                    }
                    break;
            }
        }
        Collect(wrapper);
        var (target, slot) = places[random.Next(places.Count)];
        switch (target, slot)
        {
            case (JsonArray a, -1): a.Add(null); break;
            case (JsonArray a, int i): a[i] = Breakers[random.Next(Breakers.Length)](random); break;
            case (JsonObject o, string name) when name != "body" && random.Next(5) == 0: o.Remove(name); break;
            case (JsonObject o, string name): o[name] = Breakers[random.Next(Breakers.Length)](random); break;
        }
    }
}
