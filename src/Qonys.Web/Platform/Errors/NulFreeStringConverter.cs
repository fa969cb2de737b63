using System.Text.Json;
using System.Text.Json.Serialization;

namespace Qonys.Web.Platform.Errors;

/// <summary>
/// Refuses the NUL character in every string of a request body: PostgreSQL cannot store it (a 500 on saving), and no
/// field means it. Thrown while reading, so the answer is a 400 naming the field (<see cref="ProblemExceptionHandler"/>).
/// </summary>
sealed class NulFreeStringConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String) throw new JsonException("expected a string");
        var value = reader.GetString();
        if (value is not null && value.Contains('\0')) throw new JsonException("a string may not contain the NUL character");
        return value;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
