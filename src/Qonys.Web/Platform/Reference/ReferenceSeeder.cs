using System.Globalization;
using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace Qonys.Web.Platform.Reference;

/// <summary>
/// Loads the shipped reference data (embedded CSV files, see docs/rules.md for their sources). Runs at every start,
/// in every mode, and only adds what is missing: a row whose identity (code, date; for rule values and fee rates the key
/// and the date the value takes effect) is already in the database is left as administrators keep it, so a new release
/// brings its new rules, periods, rates and holidays without overwriting edits.
/// </summary>
internal sealed class ReferenceSeeder(AppDb db, ReferenceCache cache, TimeProvider clock)
{
    public async Task SeedAsync(CancellationToken ct = default)
    {
        await SeedTable(db.Set<Region>(), "kz_regions.csv", r => new Region
        {
            Code = r["iso_3166_2"], NameEn = r["name_en"], NameKk = r["name_kk"], NameRu = r["name_ru"], Type = r["type"],
            ValidFrom = new DateOnly(2022, 6, 8),
        }, r => r.Code, ct);
        await SeedTable(db.Set<Country>(), "countries.csv", r => new Country
        {
            Alpha2 = r["alpha2"], Alpha3 = r["alpha3"], NameEn = r["name_en"], NameKk = r["name_kk"], NameRu = r["name_ru"],
            WtoMember = bool.Parse(r["wto_member"]),
        }, c => c.Alpha2, ct);
        await SeedTable(db.Set<OkedSection>(), "oked_sections.csv", r => new OkedSection
        {
            Code = r["code"], NameEn = r["name_en"], NameKk = r["name_kk"], NameRu = r["name_ru"],
        }, o => o.Code, ct);
        await SeedTable(db.Set<Occupation>(), "occupations.csv", r => new Occupation
        {
            Code = r["code"], Level = r["level"], MajorGroup = r["major_group"], NameEn = r["name_en"], NameKk = r["name_kk"],
            NameRu = r["name_ru"], InDemand = bool.Parse(r["in_demand"]),
        }, o => o.Code, ct);
        await SeedTable(db.Set<CalendarDay>(), "holidays.csv", r => new CalendarDay
        {
            Date = DateOnly.ParseExact(r["date"], "yyyy-MM-dd", CultureInfo.InvariantCulture), Kind = r["kind"],
            NameEn = r["name_en"], NameKk = r["name_kk"], NameRu = r["name_ru"],
        }, d => d.Date.ToString("O", CultureInfo.InvariantCulture), ct);
        var now = clock.GetUtcNow().UtcDateTime;
        await SeedTable(db.Set<RuleValue>(), "rule_values.csv", r => RuleValueOf(r, now), v => $"{v.Key}/{v.EffectiveFrom:O}", ct);
        await SeedTable(db.Set<RegionalWage>(), "regional_wages_2022.csv", WagesOf, w => $"{w.Year}/{w.RegionCode}/{w.MajorGroup}", ct);
        await SeedTable(db.Set<FeeSectorGroup>(), "fee_sector_groups.csv", FeeSectorGroupOf, g => $"{g.OkedSection}/{g.EffectiveFrom:O}", ct);
        await SeedTable(db.Set<PermitFeeRate>(), "permit_fees.csv", FeeRateOf,
            f => $"{f.Category}/{f.SectorGroup}/{f.TermMonthsMax}/{f.EffectiveFrom:O}", ct);
    }

    /// <summary>The rule values this release ships (rule_values.csv).</summary>
    public static IReadOnlyList<RuleValue> ShippedRuleValues() => ReadCsv("rule_values.csv").Select(r => RuleValueOf(r, default)).ToList();

    /// <summary>The permit fee table this release ships (permit_fees.csv and fee_sector_groups.csv).</summary>
    public static FeeTable ShippedFeeTable() =>
        new(ReadCsv("permit_fees.csv").Select(FeeRateOf), ReadCsv("fee_sector_groups.csv").Select(FeeSectorGroupOf));

    static DateOnly Date(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    static RuleValue RuleValueOf(IReadOnlyDictionary<string, string> r, DateTime recordedAt) => new()
    {
        Key = r["key"], EffectiveFrom = Date(r["effective_from"]),
        EffectiveTo = string.IsNullOrEmpty(r["effective_to"]) ? null : Date(r["effective_to"]),
        Value = decimal.Parse(r["value"], CultureInfo.InvariantCulture), Unit = r["unit"],
        Unconfirmed = bool.Parse(r["unconfirmed"]), Source = r["source"], Note = r["note"], RecordedAt = recordedAt,
    };

    static PermitFeeRate FeeRateOf(IReadOnlyDictionary<string, string> r) => new()
    {
        EffectiveFrom = Date(r["effective_from"]), Category = r["category"], SectorGroup = r["sector_group"],
        TermMonthsMax = int.Parse(r["term_months_max"], CultureInfo.InvariantCulture),
        FeeMci = int.Parse(r["fee_mci"], CultureInfo.InvariantCulture), Unconfirmed = bool.Parse(r["unconfirmed"]),
        Source = r["source"], Note = r["note"],
    };

    static FeeSectorGroup FeeSectorGroupOf(IReadOnlyDictionary<string, string> r) => new()
    {
        OkedSection = r["oked_section"], EffectiveFrom = Date(r["effective_from"]), SectorGroup = r["sector_group"],
        Unconfirmed = bool.Parse(r["unconfirmed"]), Source = r["source"],
    };

    /// <summary>BNS wage columns by occupation group, in ISCO major-group order (0 = "not in other groups").</summary>
    static readonly (string Column, string MajorGroup)[] WageColumns =
    [
        ("managers_&_civil_servants", "1"), ("qualified", "2"), ("tech_personnel", "3"), ("admin_emplyees", "4"),
        ("service_and_sales", "5"), ("agriculture", "6"), ("Engineers_transport", "7"), ("assemblers_and_drivers", "8"),
        ("unqualified", "9"), ("not_members_of_other_groups", "0"),
    ];

    static IEnumerable<RegionalWage> WagesOf(IReadOnlyDictionary<string, string> row) =>
        WageColumns.Where(c => !string.IsNullOrEmpty(row[c.Column])).Select(c => new RegionalWage
        {
            Year = 2022, RegionCode = row["iso_3166_2"], MajorGroup = c.MajorGroup,
            AverageKzt = long.Parse(row[c.Column], CultureInfo.InvariantCulture),
        });

    Task SeedTable<T>(DbSet<T> set, string file, Func<IReadOnlyDictionary<string, string>, T> map, Func<T, string> identity,
        CancellationToken ct) where T : class => SeedTable(set, file, row => [map(row)], identity, ct);

    async Task SeedTable<T>(DbSet<T> set, string file, Func<IReadOnlyDictionary<string, string>, IEnumerable<T>> map,
        Func<T, string> identity, CancellationToken ct) where T : class
    {
        var present = (await set.AsNoTracking().ToListAsync(ct)).Select(identity).ToHashSet(StringComparer.Ordinal);
        var missing = ReadCsv(file).SelectMany(map).Where(row => !present.Contains(identity(row))).ToList();
        if (missing.Count == 0) return;
        set.AddRange(missing);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        cache.Invalidate();
    }

    /// <summary>Rows of an embedded reference file as column → value maps.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> ReadCsv(string file)
    {
        var asm = Assembly.GetExecutingAssembly();
        using var stream = asm.GetManifestResourceStream("Qonys.Reference." + file)
                           ?? throw new InvalidOperationException($"embedded reference file {file} is missing");
        using var reader = new StreamReader(stream);
        return Csv.ReadRecords(reader);
    }
}
