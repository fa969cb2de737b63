using System.Globalization;

namespace Qonys.Engines.Scoring;

/// <summary>How numbers, ranges and value lists are written in messages and explanations.</summary>
internal static class ScoreText
{
    public static string Number(decimal value) => value.ToString("0.#######", CultureInfo.InvariantCulture);

    public static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Points with an explicit sign only when negative, e.g. "10", "-5".</summary>
    public static string Points(decimal value) => Number(value);

    /// <summary>Short form used in validation messages: "30–40", "below 30", "40 and above", "any value".</summary>
    public static string RangeShort(decimal? min, decimal? max) => (min, max) switch
    {
        (null, null) => "any value",
        (null, { } hi) => $"below {Number(hi)}",
        ({ } lo, null) => $"{Number(lo)} and above",
        ({ } lo, { } hi) => $"{Number(lo)}–{Number(hi)}",
    };

    /// <summary>Exact form used in results: "25 ≤ value &lt; 33".</summary>
    public static string RangeExact(decimal? min, decimal? max) => (min, max) switch
    {
        (null, null) => "any value",
        (null, { } hi) => $"value < {Number(hi)}",
        ({ } lo, null) => $"value ≥ {Number(lo)}",
        ({ } lo, { } hi) => $"{Number(lo)} ≤ value < {Number(hi)}",
    };

    public static string Values(Band band) =>
        band.IsDefault ? "any other value" : "one of: " + string.Join(", ", band.Values ?? []);

    public static string Quoted(string text) => "\"" + text + "\"";
}
