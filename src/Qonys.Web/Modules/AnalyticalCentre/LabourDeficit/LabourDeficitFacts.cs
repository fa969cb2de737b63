using System.Globalization;
using Qonys.Engines.Demography;
using Qonys.Engines.Scoring;

namespace Qonys.Web.Modules.AnalyticalCentre.LabourDeficit;

/// <summary>
/// The regional statistics behind the labour-market facts of one region, with the years they describe.
/// </summary>
internal sealed record RegionalLabourStatistics(
    double? UnemploymentRatePct, int? UnemploymentYear,
    double? AverageWage, double? NationalAverageWage,
    double? NetInternalMigration, int? MigrationYear,
    double? Population, int? PopulationYear);

/// <summary>
/// The facts the shipped "region-labour-deficit" scorecard reads, computed as its criterion notes define them:
/// <list type="bullet">
/// <item>workingAgePopulationChangePct: change (%) of the population aged 15–64 over ten years of the baseline
/// projection (1 January of the base year to 1 January ten years on);</item>
/// <item>shareAboveWorkingAgePct: share (%) above the statutory working age on 1 January of the base year
/// (baseline);</item>
/// <item>unemploymentRatePct: BNS rate of the latest year on file (the annual figure, or the mean of its quarters when
/// the year has quarters only);</item>
/// <item>averageWageRelativeToNationalPct: regional average monthly wage as % of the national one (BNS 2022);</item>
/// <item>netInternalMigrationPer1000: net inter-regional migration of the latest year per 1,000 residents on 1 January
/// of the latest population year on file.</item>
/// </list>
/// </summary>
internal static class LabourDeficitFacts
{
    public const int WorkingAgeFrom = 15;
    public const int WorkingAgeTo = 64;
    public const int ChangeYears = 10;

    public static Dictionary<string, FactValue> For(
        PopulationSnapshot start, PopulationSnapshot tenYearsOn, RegionalLabourStatistics stats)
    {
        var facts = new Dictionary<string, FactValue>(StringComparer.Ordinal)
        {
            ["workingAgePopulationChangePct"] = Round((Aged15To64(tenYearsOn) / Aged15To64(start) - 1) * 100),
            ["shareAboveWorkingAgePct"] = Round(start.AboveWorkingAgeShare * 100),
        };
        if (stats.UnemploymentRatePct is { } u) facts["unemploymentRatePct"] = Round(u);
        if (stats is { AverageWage: { } wage, NationalAverageWage: { } national and > 0 })
            facts["averageWageRelativeToNationalPct"] = Round(wage / national * 100);
        if (stats is { NetInternalMigration: { } net, Population: { } population and > 0 })
            facts["netInternalMigrationPer1000"] = Round(net / population * 1000);
        return facts;
    }

    /// <summary>Both sexes aged 15 … 64 (the units of the snapshot, thousands).</summary>
    public static double Aged15To64(PopulationSnapshot s)
    {
        var sum = 0.0;
        for (var x = WorkingAgeFrom; x <= WorkingAgeTo; x++) sum += s.Male[x] + s.Female[x];
        return sum;
    }

    /// <summary>
    /// Facts are shown and banded at 2 decimals, so a reader can check the band from the figure shown.
    /// </summary>
    static double Round(double value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    /// <summary>
    /// Picks a region's statistics out of the CSV records (files 2.7, 2.9, 2.8) and the BNS populations
    /// (code, year, persons); "KZ" rows give the national wage.
    /// </summary>
    public static RegionalLabourStatistics Statistics(string code,
        IReadOnlyList<IReadOnlyDictionary<string, string>> unemployment,
        IReadOnlyList<IReadOnlyDictionary<string, string>> wages,
        IReadOnlyList<IReadOnlyDictionary<string, string>> internalMigration,
        IReadOnlyList<(string Code, int Year, double Persons)> populations)
    {
        var rates = unemployment.Where(r => r["iso_3166_2"] == code && Number(r["unemployment_rate_pct"]) is not null)
            .Select(r => (Year: int.Parse(r["year"], CultureInfo.InvariantCulture), Period: r["period"],
                Rate: Number(r["unemployment_rate_pct"])!.Value))
            .ToList();
        int? rateYear = rates.Count == 0 ? null : rates.Max(r => r.Year);
        double? rate = null;
        if (rateYear is { } ry)
        {
            var ofYear = rates.Where(r => r.Year == ry).ToList();
            rate = ofYear.FirstOrDefault(r => r.Period == "year") is { Period: "year" } annual
                ? annual.Rate
                : ofYear.Average(r => r.Rate);
        }

        double? Wage(string c) =>
            wages.FirstOrDefault(r => r["iso_3166_2"] == c) is { } w ? Number(w["avg_salary"]) : null;

        var flows = internalMigration
            .Where(r => r["iso_3166_2"] == code && r["period"] is "year" or "year_sum_of_months")
            .Select(r => (Year: int.Parse(r["year"], CultureInfo.InvariantCulture), Net: Number(r["net"]) ?? 0))
            .ToList();
        int? flowYear = flows.Count == 0 ? null : flows.Max(f => f.Year);
        // A year given both as an annual total and as the sum of its months counts once (the annual total).
        double? net = flowYear is { } fy ? flows.First(f => f.Year == fy).Net : null;

        var population = populations.Where(p => p.Code == code).OrderByDescending(p => p.Year).FirstOrDefault();
        return new RegionalLabourStatistics(rate, rateYear, Wage(code), Wage("KZ"), net, flowYear,
            population.Code is null ? null : population.Persons, population.Code is null ? null : population.Year);
    }

    static double? Number(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;
}
