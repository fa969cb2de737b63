namespace Qonys.Engines.Demography;

/// <summary>Choices of a projection run that are not scenario assumptions.</summary>
/// <param name="EndYear">Last 1 January population projected (the base is 1 January 2026).</param>
/// <param name="StatutoryAges">Working-age rules for the outputs.</param>
/// <param name="MigrationSchedule">Age schedule of inter-regional flows and of deviations from the WPP migration total.</param>
/// <param name="InternalMigrationYears">Years of the BNS inter-regional balances averaged to set the regional flows.</param>
/// <param name="RegionalLifeExpectancyYear">Year of the BNS regional e0 used for the regional mortality gaps.</param>
/// <param name="PopulationYear">Year (1 January) of the BNS regional totals by sex used for the regional base.</param>
/// <param name="OldGeographyParents">New region → region it was part of in the 2020 broad-age table.</param>
public sealed record ProjectionSettings(
    int EndYear,
    StatutoryAges StatutoryAges,
    MigrationAgeSchedule MigrationSchedule,
    IReadOnlyList<int> InternalMigrationYears,
    int RegionalLifeExpectancyYear,
    int PopulationYear,
    IReadOnlyDictionary<string, string> OldGeographyParents)
{
    /// <summary>The 1 January of the first projected population.</summary>
    public const int BaseYear = 2026;

    /// <summary>Defaults: to 2050, Kazakhstan statutory ages, standard Rogers–Castro schedule, flows 2022–2024, e0 2022, totals 1 Jan 2023.</summary>
    public static ProjectionSettings Default { get; } = new(
        2050,
        StatutoryAges.Kazakhstan,
        MigrationAgeSchedule.Standard,
        [2022, 2023, 2024],
        2022,
        2023,
        new Dictionary<string, string>(StringComparer.Ordinal) { ["KZ-10"] = "KZ-63", ["KZ-33"] = "KZ-19", ["KZ-62"] = "KZ-35" });
}
