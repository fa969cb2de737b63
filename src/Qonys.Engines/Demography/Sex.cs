using System.Text.Json.Serialization;

namespace Qonys.Engines.Demography;

/// <summary>Sex of a population cell. Arrays in this engine are laid out male block first, then female.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Sex>))]
public enum Sex
{
    /// <summary>Men and boys.</summary>
    Male = 0,

    /// <summary>Women and girls.</summary>
    Female = 1,
}

/// <summary>The single-year age grid of the projection: ages 0 … 99 and the open group 100+.</summary>
public static class AgeGrid
{
    /// <summary>Number of age cells per sex (0 … 99 and 100+).</summary>
    public const int Count = 101;

    /// <summary>Index of the open age group 100+.</summary>
    public const int Open = 100;

    /// <summary>Number of 5-year groups 0-4 … 95-99 plus the open 100+ group.</summary>
    public const int FiveYearGroups = 21;
}

/// <summary>A median with the bounds of the 80 % and 95 % probability intervals (NaN where the source has none).</summary>
public sealed record ProbabilityBounds(double Median, double Lower95, double Lower80, double Upper80, double Upper95)
{
    /// <summary>True when all four bounds are present.</summary>
    public bool HasBounds =>
        !double.IsNaN(Lower95) && !double.IsNaN(Lower80) && !double.IsNaN(Upper80) && !double.IsNaN(Upper95);
}
