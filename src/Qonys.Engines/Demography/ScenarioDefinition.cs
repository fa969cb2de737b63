using System.Text.Json;
using System.Text.Json.Serialization;

namespace Qonys.Engines.Demography;

/// <summary>Which WPP fertility path the scenario follows.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FertilityVariant>))]
public enum FertilityVariant
{
    /// <summary>WPP 2024 medium TFR.</summary>
    Medium,

    /// <summary>WPP low variant: medium − 0.5 child (`tfr_low`).</summary>
    Low,

    /// <summary>WPP high variant: medium + 0.5 child (`tfr_high`).</summary>
    High,
}

/// <summary>People of one sex in an age band (inclusive single ages), e.g. 2 adults, or 1.4 children aged 0-14.</summary>
public sealed record FamilyMember(Sex Sex, int AgeFrom, int AgeTo, double Count);

/// <summary>
/// "N families a year resettled from region A to region B" in calendar years FirstYear … LastYear
/// (a family's members are spread evenly over the single ages of their band).
/// </summary>
public sealed record Resettlement(string FromRegion, string ToRegion, double FamiliesPerYear, int FirstYear, int LastYear,
    IReadOnlyList<FamilyMember> Family);

/// <summary>
/// Additional foreign labour: K persons a year (negative to reduce) arriving in a region in ages AgeFrom … AgeTo,
/// with the given male share, in calendar years FirstYear … LastYear. Added to net international migration.
/// </summary>
public sealed record LabourIntake(string Region, double PersonsPerYear, int AgeFrom, int AgeTo, double MaleShare, int FirstYear, int LastYear);

/// <summary>
/// A projection scenario as data; stored by the web layer as JSON (<see cref="ToJson"/> / <see cref="FromJson"/>).
/// </summary>
/// <param name="Name">Display name.</param>
/// <param name="Fertility">WPP fertility variant.</param>
/// <param name="LifeExpectancyShiftYears">Years added to the WPP medium e0 target of both sexes in every year (0 = WPP medium).</param>
/// <param name="InternationalMigration">False for zero WPP (model) net international migration; explicit <see cref="LabourIntakes"/> still apply.</param>
/// <param name="InterRegionalMigration">False for zero model inter-regional flows; explicit <see cref="Resettlements"/> still apply.</param>
/// <param name="Resettlements">Organised resettlement programmes between regions.</param>
/// <param name="LabourIntakes">Changes to the foreign-labour intake.</param>
public sealed record ScenarioDefinition(
    string Name,
    FertilityVariant Fertility,
    double LifeExpectancyShiftYears,
    bool InternationalMigration,
    bool InterRegionalMigration,
    IReadOnlyList<Resettlement> Resettlements,
    IReadOnlyList<LabourIntake> LabourIntakes)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>WPP 2024 medium variant with the observed inter-regional flows.</summary>
    public static ScenarioDefinition Baseline { get; } = new("Baseline (WPP medium)", FertilityVariant.Medium, 0, true, true, [], []);

    /// <summary>WPP low fertility (−0.5 child).</summary>
    public static ScenarioDefinition LowFertility { get; } = Baseline with { Name = "Low fertility (−0.5 child)", Fertility = FertilityVariant.Low };

    /// <summary>WPP high fertility (+0.5 child).</summary>
    public static ScenarioDefinition HighFertility { get; } = Baseline with { Name = "High fertility (+0.5 child)", Fertility = FertilityVariant.High };

    /// <summary>No international and no inter-regional migration.</summary>
    public static ScenarioDefinition ZeroMigration { get; } =
        Baseline with { Name = "Zero migration", InternationalMigration = false, InterRegionalMigration = false };

    /// <summary>Serialises the scenario to JSON (camelCase, enums as strings).</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads a scenario written by <see cref="ToJson"/>; missing adjustment lists are read as empty.</summary>
    public static ScenarioDefinition FromJson(string json)
    {
        var scenario = JsonSerializer.Deserialize<ScenarioDefinition>(json, Json) ?? throw new JsonException("Empty scenario.");
        return scenario with { Resettlements = scenario.Resettlements ?? [], LabourIntakes = scenario.LabourIntakes ?? [] };
    }
}
