using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Qonys.Engines.Scoring;

/// <summary>The value of one input fact: either a number or a text (category). In JSON it is a plain number or string.</summary>
[JsonConverter(typeof(FactValueJsonConverter))]
public readonly record struct FactValue
{
    private FactValue(double? number, string? text)
    {
        Number = number;
        Text = text;
    }

    /// <summary>The numeric value, when the fact is a number.</summary>
    public double? Number { get; }

    /// <summary>The text value, when the fact is a category.</summary>
    public string? Text { get; }

    /// <summary>A numeric fact value.</summary>
    public static FactValue Of(double number) => new(number, null);

    /// <summary>A text (categorical) fact value.</summary>
    public static FactValue Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new(null, text);
    }

    /// <summary>Converts a number to a fact value.</summary>
    public static implicit operator FactValue(double number) => Of(number);

    /// <summary>Converts a text to a fact value.</summary>
    public static implicit operator FactValue(string text) => Of(text);

    /// <summary>The value as people read it: numbers in invariant culture, texts as they are.</summary>
    public override string ToString() =>
        Number is { } n ? n.ToString(CultureInfo.InvariantCulture) : Text ?? "";
}

/// <summary>Reads and writes a <see cref="FactValue"/> as a JSON number or string.</summary>
public sealed class FactValueJsonConverter : JsonConverter<FactValue>
{
    /// <inheritdoc />
    public override FactValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.Number => FactValue.Of(reader.GetDouble()),
            JsonTokenType.String => FactValue.Of(reader.GetString()!),
            _ => throw new JsonException($"A fact value must be a number or a string, not {reader.TokenType}."),
        };

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, FactValue value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value.Number is { } n) writer.WriteNumberValue(n);
        else writer.WriteStringValue(value.Text ?? "");
    }
}
