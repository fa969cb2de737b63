using Qonys.Web.Modules.Permits.Domain;

namespace Qonys.Web.Modules.Permits.Demo;

/// <summary>
/// The published figures (data/published-figures.csv) the permits' demo data reproduces, as exact targets: foreign workers
/// on three dates, the 2025 quota caps, household labour immigrants. A target lists counts for named labels; every other
/// label of the dimension shares the remainder ("the other buckets").
/// </summary>
internal static class PermitsDemoFigures
{
    public static readonly DateOnly March = new(2025, 3, 1);
    public static readonly DateOnly May = new(2025, 5, 1);
    public static readonly DateOnly August = new(2025, 8, 1);

    /// <summary>Foreign workers with a valid employer permit on a date: the total and the named labels per dimension.</summary>
    public sealed record WorkerTargets(
        DateOnly Date, int Total, IReadOnlyDictionary<string, int> Categories,
        IReadOnlyDictionary<string, int> Citizenships, IReadOnlyDictionary<string, int> Sections, int? Employers);

    public static readonly WorkerTargets OnMarch = new(March, 13_584,
        Cat(569, 2514, 4711, 1010, 1217, 3563),
        new Dictionary<string, int> { ["CN"] = 4945, ["IN"] = 1169, ["TR"] = 1165, ["UZ"] = 1056 },
        new Dictionary<string, int> { ["F"] = 5052, ["A"] = 1296, ["C"] = 1281, ["B"] = 1263, ["N"] = 975 },
        1744);

    /// <summary>
    /// 2025-05-01: the published categories (567 exact, the rest rounded to hundreds) sum to 14,267, not the published
    /// total of 14,300; ICT takes the 33 (3,633 still rounds to the published 3,600 and lies between March's 3,563 and
    /// August's 3,744). Every other figure of that date is hit as published.
    /// </summary>
    public static readonly WorkerTargets OnMay = new(May, 14_300,
        Cat(567, 2400, 4400, 1000, 2300, 3633),
        new Dictionary<string, int> { ["CN"] = 5100, ["UZ"] = 1900, ["TR"] = 1100, ["IN"] = 1100 },
        new Dictionary<string, int> { ["F"] = 5000, ["A"] = 2300, ["B"] = 1300, ["C"] = 1300 },
        null);

    public static readonly WorkerTargets OnAugust = new(August, 14_130,
        Cat(549, 2258, 3786, 904, 2889, 3744),
        new Dictionary<string, int>(), new Dictionary<string, int>(), 1899);

    /// <summary>The 2025 quota caps by category (ICT has no quota).</summary>
    public static readonly IReadOnlyDictionary<string, int> Quota2025ByCategory = Cat(649, 3254, 5718, 1161, 4097, null);

    /// <summary>The national cap chosen for 2026 (0.25 % of the labour force, close to 2025's revised 19,400).</summary>
    public const int Quota2026Total = 19_600;

    public static readonly DateOnly October = new(2025, 10, 1);

    /// <summary>Household labour immigrants with a valid household permit on a date: the total and the named citizenships.</summary>
    public sealed record HouseholdTargets(DateOnly Date, int Total, IReadOnlyDictionary<string, int> Citizenships);

    public static readonly HouseholdTargets OnOctober = new(October, 132_500, new Dictionary<string, int> { ["UZ"] = 124_100 });

    /// <summary>Household permits that ended before 2025-10-01 (chosen, not published: about 7 % of those valid on it).</summary>
    public const int HouseholdPermitsEndedBefore = 9_300;

    /// <summary>Household permits that start after 2025-10-01, issued in the rest of 2025 (chosen: about 3 %).</summary>
    public const int HouseholdPermitsStartingAfter = 3_950;

    static Dictionary<string, int> Cat(int c1, int c2, int c3, int c4, int seasonal, int? ict)
    {
        var d = new Dictionary<string, int>
        {
            [PermitCategory.Heads] = c1, [PermitCategory.DivisionHeads] = c2, [PermitCategory.Specialists] = c3,
            [PermitCategory.SkilledWorkers] = c4, [PermitCategory.Seasonal] = seasonal,
        };
        if (ict is { } i) d[PermitCategory.Ict] = i;
        return d;
    }
}
