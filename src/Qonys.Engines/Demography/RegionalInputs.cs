namespace Qonys.Engines.Demography;

/// <summary>One first-level unit (ISO 3166-2:KZ) with its names.</summary>
public sealed record Region(string Code, string NameEn, string NameKk, string NameRu, bool IsCity);

/// <summary>Population of a region by sex on 1 January of <see cref="Year"/> (persons, BNS).</summary>
public sealed record RegionPopulation(string Code, int Year, double Male, double Female);

/// <summary>Population of a region (old 17-unit geography) in a broad age band on 1 January 2020 (persons, BNS).</summary>
public sealed record RegionBroadAgeBand(string Code, Sex Sex, int AgeFrom, int? AgeTo, double Population);

/// <summary>Life expectancy at birth of a region by sex in a year (BNS).</summary>
public sealed record RegionLifeExpectancy(string Code, int Year, double Male, double Female);

/// <summary>Inter-regional migration of a region in a year (persons): arrivals from, departures to other regions.</summary>
public sealed record RegionInternalMigration(string Code, int Year, double Arrivals, double Departures, double Net);

/// <summary>Crude birth rate per 1,000 population of a region (or "KZ") from the 2024 press figures.</summary>
public sealed record RegionCrudeBirthRate(string Code, int Year, double PerThousand);

/// <summary>The regional statistics (data/regions) the projection needs.</summary>
public sealed record RegionalInputs(
    IReadOnlyList<Region> Regions,
    IReadOnlyList<RegionPopulation> Population,
    IReadOnlyList<RegionBroadAgeBand> BroadAgeBands2020,
    IReadOnlyList<RegionLifeExpectancy> LifeExpectancy,
    IReadOnlyList<RegionInternalMigration> InternalMigration,
    IReadOnlyList<RegionCrudeBirthRate> CrudeBirthRates)
{
    /// <summary>Code of the whole country.</summary>
    public const string Country = "KZ";

    /// <summary>Parses the six regional files; each argument reads one CSV file of data/regions.</summary>
    public static RegionalInputs Parse(
        TextReader regions,
        TextReader populationBySex,
        TextReader broadAgeBands2020,
        TextReader lifeExpectancy,
        TextReader internalMigration,
        TextReader vitalRatesPress) =>
        new(ParseRegions(CsvTable.Read(regions)),
            ParsePopulation(CsvTable.Read(populationBySex)),
            ParseBroadAge(CsvTable.Read(broadAgeBands2020)),
            ParseLifeExpectancy(CsvTable.Read(lifeExpectancy)),
            ParseInternalMigration(CsvTable.Read(internalMigration)),
            ParseBirthRates(CsvTable.Read(vitalRatesPress)));

    private static List<Region> ParseRegions(CsvTable t)
    {
        int c = t.Column("iso_3166_2"), en = t.Column("name_en"), kk = t.Column("name_kk"), ru = t.Column("name_ru"), ty = t.Column("type");
        return t.Rows.Select(r => new Region(CsvTable.Text(r, c), CsvTable.Text(r, en), CsvTable.Text(r, kk), CsvTable.Text(r, ru),
            CsvTable.Text(r, ty) == "city")).OrderBy(r => r.Code, StringComparer.Ordinal).ToList();
    }

    private static List<RegionPopulation> ParsePopulation(CsvTable t)
    {
        int y = t.Column("year"), c = t.Column("iso_3166_2"), s = t.Column("sex"), a = t.Column("area"), p = t.Column("population");
        return t.Rows.Where(r => CsvTable.Text(r, a) == "total" && CsvTable.Text(r, s) != "total")
            .GroupBy(r => (Year: CsvTable.Integer(r, y), Code: CsvTable.Text(r, c)))
            .Select(g => new RegionPopulation(g.Key.Code, g.Key.Year,
                g.Where(r => CsvTable.Text(r, s) == "male").Sum(r => CsvTable.Number(r, p)),
                g.Where(r => CsvTable.Text(r, s) == "female").Sum(r => CsvTable.Number(r, p))))
            .ToList();
    }

    private static List<RegionBroadAgeBand> ParseBroadAge(CsvTable t)
    {
        int c = t.Column("iso_3166_2_current_code"), s = t.Column("sex"), g = t.Column("age_group"), p = t.Column("population");
        return t.Rows.Select(r =>
        {
            var band = CsvTable.Text(r, g);
            int from; int? to;
            if (band.EndsWith('+')) { from = int.Parse(band[..^1], System.Globalization.CultureInfo.InvariantCulture); to = null; }
            else
            {
                var parts = band.Split('-');
                from = int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
                to = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
            }
            return new RegionBroadAgeBand(CsvTable.Text(r, c), ParseSex(CsvTable.Text(r, s)), from, to, CsvTable.Number(r, p));
        }).ToList();
    }

    private static List<RegionLifeExpectancy> ParseLifeExpectancy(CsvTable t)
    {
        int y = t.Column("year"), c = t.Column("iso_3166_2"), s = t.Column("sex"), a = t.Column("area"), e = t.Column("e0_years");
        return t.Rows.Where(r => CsvTable.Text(r, a) == "total" && CsvTable.Text(r, s) != "both")
            .GroupBy(r => (Year: CsvTable.Integer(r, y), Code: CsvTable.Text(r, c)))
            .Where(g => g.Any(r => CsvTable.Text(r, s) == "male") && g.Any(r => CsvTable.Text(r, s) == "female"))
            .Select(g => new RegionLifeExpectancy(g.Key.Code, g.Key.Year,
                CsvTable.Number(g.First(r => CsvTable.Text(r, s) == "male"), e),
                CsvTable.Number(g.First(r => CsvTable.Text(r, s) == "female"), e)))
            .ToList();
    }

    private static List<RegionInternalMigration> ParseInternalMigration(CsvTable t)
    {
        int y = t.Column("year"), p = t.Column("period"), c = t.Column("iso_3166_2");
        int ar = t.Column("arrivals"), de = t.Column("departures"), n = t.Column("net");
        return t.Rows.Where(r => CsvTable.Text(r, p) is "year" or "year_sum_of_months")
            .Select(r => new RegionInternalMigration(CsvTable.Text(r, c), CsvTable.Integer(r, y), CsvTable.Number(r, ar),
                CsvTable.Number(r, de), CsvTable.Number(r, n)))
            .ToList();
    }

    private static List<RegionCrudeBirthRate> ParseBirthRates(CsvTable t)
    {
        int y = t.Column("year"), c = t.Column("iso_3166_2"), i = t.Column("indicator"), v = t.Column("value");
        return t.Rows.Where(r => CsvTable.Text(r, i) == "crude birth rate" && CsvTable.Text(r, c).Length > 0)
            .Select(r => new RegionCrudeBirthRate(CsvTable.Text(r, c), CsvTable.Integer(r, y), CsvTable.Number(r, v)))
            .ToList();
    }

    private static Sex ParseSex(string text) => text switch
    {
        "male" => Sex.Male,
        "female" => Sex.Female,
        _ => throw new FormatException($"Unknown sex '{text}'."),
    };
}
