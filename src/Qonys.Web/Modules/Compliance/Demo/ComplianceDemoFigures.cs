namespace Qonys.Web.Modules.Compliance.Demo;

/// <summary>The published offence figures of January–May 2025 (data/published-figures.csv) the demo offences reproduce exactly.</summary>
internal static class ComplianceDemoFigures
{
    public static readonly DateOnly OffencesFrom = new(2025, 1, 1);
    public static readonly DateOnly OffencesTo = new(2025, 5, 31);
    public const int OffencesTotal = 1600;
    public static readonly IReadOnlyDictionary<string, int> OffencesByRegion =
        new Dictionary<string, int> { ["KZ-35"] = 224, ["KZ-71"] = 141, ["KZ-79"] = 136, ["KZ-75"] = 110, ["KZ-61"] = 99 };
    public static readonly IReadOnlyDictionary<string, int> OffendersByType =
        new Dictionary<string, int> { ["individual_entrepreneur"] = 238, ["official"] = 19, ["foreign_national"] = 106 };
    /// <summary>
    /// Published as 157,100,000 KZT, which is not a multiple of the 2025 MCI (3,932 KZT): fines are whole MCI, so the
    /// data set imposes 39,954 MCI = 157,099,128 KZT, the nearest amount (157.1 million as published).
    /// </summary>
    public const long FinesImposedKzt = 157_099_128;
    public const long FinesCollectedKzt = 130_000_000;

    /// <summary>Offences outside the five published regions: weights for the other fifteen (each stays below Turkistan's 99).</summary>
    public static readonly (string Code, double Weight)[] OtherOffenceRegions =
    [
        ("KZ-19", 90), ("KZ-23", 85), ("KZ-31", 75), ("KZ-15", 70), ("KZ-47", 68), ("KZ-63", 62), ("KZ-55", 58), ("KZ-27", 55),
        ("KZ-43", 52), ("KZ-33", 50), ("KZ-11", 48), ("KZ-39", 46), ("KZ-10", 44), ("KZ-59", 40), ("KZ-62", 38),
    ];
}
