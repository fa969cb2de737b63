namespace Qonys.Engines.Demography;

/// <summary>Base population on about 1 July 2025 by 5-year group (0-4 … 95-99, 100+) and sex, in thousands, for the three WPP fertility variants.</summary>
public sealed record WppBasePopulation(
    IReadOnlyList<double> Male,
    IReadOnlyList<double> Female,
    IReadOnlyList<double> MaleLow,
    IReadOnlyList<double> FemaleLow,
    IReadOnlyList<double> MaleHigh,
    IReadOnlyList<double> FemaleHigh);

/// <summary>Central death rates of one 5-year period for the 22 abridged groups 0, 1-4, 5-9 … 95-99, 100+.</summary>
public sealed record WppPeriodMortality(int MidYear, IReadOnlyList<double> MaleMx, IReadOnlyList<double> FemaleMx);

/// <summary>Percentage shares of the TFR by mothers' 5-year group 15-19 … 45-49 in one 5-year period.</summary>
public sealed record WppPeriodFertilityPattern(int MidYear, IReadOnlyList<double> SharePercent);

/// <summary>Annual TFR (calendar year) with the ±0.5 child variants and the probability bounds.</summary>
public sealed record WppAnnualFertility(int Year, double Low, double High, ProbabilityBounds Tfr);

/// <summary>Annual life expectancy at birth by sex (calendar year) with probability bounds.</summary>
public sealed record WppAnnualLifeExpectancy(int Year, ProbabilityBounds Male, ProbabilityBounds Female);

/// <summary>Life expectancy at birth by sex for a 5-year period (used to check life tables).</summary>
public sealed record WppPeriodLifeExpectancy(int MidYear, double Male, double Female);

/// <summary>Net international migration of a calendar year, in thousands: total with bounds, and by single age 0 … 100 and sex.</summary>
public sealed record WppAnnualMigration(int Year, ProbabilityBounds Total, IReadOnlyList<double> Male, IReadOnlyList<double> Female);

/// <summary>The UN WPP 2024 inputs for Kazakhstan (thousands of persons), parsed from the CSV files in data/wpp2024.</summary>
public sealed record WppInputs(
    WppBasePopulation BasePopulation,
    IReadOnlyList<WppPeriodMortality> Mortality,
    IReadOnlyList<WppPeriodFertilityPattern> FertilityPattern,
    IReadOnlyList<WppAnnualFertility> Fertility,
    IReadOnlyList<WppAnnualLifeExpectancy> LifeExpectancy,
    IReadOnlyList<WppPeriodLifeExpectancy> PeriodLifeExpectancy,
    IReadOnlyList<WppAnnualMigration> Migration,
    IReadOnlyDictionary<int, double> SexRatioAtBirth)
{
    /// <summary>Parses the nine WPP files the projection needs; each argument reads one CSV file of data/wpp2024.</summary>
    public static WppInputs Parse(
        TextReader basePopulation,
        TextReader mortalityAbridged,
        TextReader fertilityPattern,
        TextReader fertilityAnnual,
        TextReader lifeExpectancyAnnual,
        TextReader lifeExpectancyPeriod,
        TextReader migrationAnnual,
        TextReader migrationByAgeAnnual,
        TextReader sexRatioAnnual) =>
        new(
            ParseBase(CsvTable.Read(basePopulation)),
            ParseMortality(CsvTable.Read(mortalityAbridged)),
            ParsePattern(CsvTable.Read(fertilityPattern)),
            ParseFertility(CsvTable.Read(fertilityAnnual)),
            ParseLifeExpectancy(CsvTable.Read(lifeExpectancyAnnual)),
            ParsePeriodLifeExpectancy(CsvTable.Read(lifeExpectancyPeriod)),
            ParseMigration(CsvTable.Read(migrationAnnual), CsvTable.Read(migrationByAgeAnnual)),
            ParseSexRatio(CsvTable.Read(sexRatioAnnual)));

    /// <summary>The annual migration record of a year (the last available year beyond the series).</summary>
    public WppAnnualMigration MigrationFor(int year) => Nearest(Migration, m => m.Year, year);

    /// <summary>The annual fertility record of a year (clamped to the series).</summary>
    public WppAnnualFertility FertilityFor(int year) => Nearest(Fertility, f => f.Year, year);

    /// <summary>The annual life expectancy record of a year (clamped to the series).</summary>
    public WppAnnualLifeExpectancy LifeExpectancyFor(int year) => Nearest(LifeExpectancy, e => e.Year, year);

    /// <summary>Sex ratio at birth (male per female birth) of a year.</summary>
    public double SexRatioFor(int year) =>
        SexRatioAtBirth.TryGetValue(year, out var srb) ? srb : SexRatioAtBirth[SexRatioAtBirth.Keys.Max()];

    private static T Nearest<T>(IReadOnlyList<T> series, Func<T, int> year, int wanted)
    {
        var best = series[0];
        foreach (var item in series)
        {
            if (year(item) == wanted) return item;
            if (Math.Abs(year(item) - wanted) < Math.Abs(year(best) - wanted)) best = item;
        }
        return best;
    }

    private static WppBasePopulation ParseBase(CsvTable t)
    {
        double[] Column(string name)
        {
            var c = t.Column(name);
            var start = t.Column("age_start");
            return t.Rows.OrderBy(r => CsvTable.Integer(r, start)).Select(r => CsvTable.Number(r, c)).ToArray();
        }
        var male = Column("male");
        if (male.Length != AgeGrid.FiveYearGroups) throw new FormatException("Base population must have 21 age groups.");
        return new WppBasePopulation(male, Column("female"), Column("male_low"), Column("female_low"),
            Column("male_high"), Column("female_high"));
    }

    private static List<WppPeriodMortality> ParseMortality(CsvTable t)
    {
        int mid = t.Column("mid_year"), start = t.Column("age_start"), m = t.Column("mx_male"), f = t.Column("mx_female");
        return t.Rows.GroupBy(r => CsvTable.Integer(r, mid))
            .Select(g =>
            {
                var rows = g.OrderBy(r => CsvTable.Integer(r, start)).ToArray();
                if (rows.Length != AbridgedLifeTable.GroupCount) throw new FormatException($"Period {g.Key}: expected 22 mortality groups.");
                return new WppPeriodMortality(g.Key, rows.Select(r => CsvTable.Number(r, m)).ToArray(),
                    rows.Select(r => CsvTable.Number(r, f)).ToArray());
            })
            .OrderBy(p => p.MidYear).ToList();
    }

    private static List<WppPeriodFertilityPattern> ParsePattern(CsvTable t)
    {
        int mid = t.Column("mid_year"), start = t.Column("age_start"), p = t.Column("pasfr_percent");
        return t.Rows.GroupBy(r => CsvTable.Integer(r, mid))
            .Select(g => new WppPeriodFertilityPattern(g.Key,
                g.OrderBy(r => CsvTable.Integer(r, start)).Select(r => CsvTable.Number(r, p)).ToArray()))
            .OrderBy(p => p.MidYear).ToList();
    }

    private static ProbabilityBounds Bounds(string[] row, int median, int l95, int l80, int u80, int u95) =>
        new(CsvTable.Number(row, median), CsvTable.Number(row, l95), CsvTable.Number(row, l80),
            CsvTable.Number(row, u80), CsvTable.Number(row, u95));

    private static List<WppAnnualFertility> ParseFertility(CsvTable t)
    {
        int y = t.Column("year"), tfr = t.Column("tfr"), lo = t.Column("tfr_low"), hi = t.Column("tfr_high");
        int l80 = t.Column("tfr_80l"), u80 = t.Column("tfr_80u"), l95 = t.Column("tfr_95l"), u95 = t.Column("tfr_95u");
        return t.Rows.Select(r => new WppAnnualFertility(CsvTable.Integer(r, y), CsvTable.Number(r, lo), CsvTable.Number(r, hi),
            Bounds(r, tfr, l95, l80, u80, u95))).OrderBy(f => f.Year).ToList();
    }

    private static List<WppAnnualLifeExpectancy> ParseLifeExpectancy(CsvTable t)
    {
        int y = t.Column("year");
        ProbabilityBounds Sex(string[] r, string s) => Bounds(r, t.Column($"e0_{s}"), t.Column($"e0_{s}_95l"),
            t.Column($"e0_{s}_80l"), t.Column($"e0_{s}_80u"), t.Column($"e0_{s}_95u"));
        return t.Rows.Select(r => new WppAnnualLifeExpectancy(CsvTable.Integer(r, y), Sex(r, "male"), Sex(r, "female")))
            .OrderBy(e => e.Year).ToList();
    }

    private static List<WppPeriodLifeExpectancy> ParsePeriodLifeExpectancy(CsvTable t)
    {
        int mid = t.Column("mid_year"), m = t.Column("e0_male"), f = t.Column("e0_female");
        return t.Rows.Select(r => new WppPeriodLifeExpectancy(CsvTable.Integer(r, mid), CsvTable.Number(r, m), CsvTable.Number(r, f)))
            .OrderBy(e => e.MidYear).ToList();
    }

    private static List<WppAnnualMigration> ParseMigration(CsvTable totals, CsvTable byAge)
    {
        int y = byAge.Column("year"), a = byAge.Column("age"), m = byAge.Column("male"), f = byAge.Column("female");
        var ages = new Dictionary<int, (double[] Male, double[] Female)>();
        foreach (var r in byAge.Rows)
        {
            var year = CsvTable.Integer(r, y);
            if (!ages.TryGetValue(year, out var v)) ages[year] = v = (new double[AgeGrid.Count], new double[AgeGrid.Count]);
            var age = Math.Min(CsvTable.Integer(r, a), AgeGrid.Open);
            v.Male[age] += CsvTable.Number(r, m);
            v.Female[age] += CsvTable.Number(r, f);
        }
        int ty = totals.Column("year"), n = totals.Column("net_migration");
        int l80 = totals.Column("net_migration_80l"), u80 = totals.Column("net_migration_80u");
        int l95 = totals.Column("net_migration_95l"), u95 = totals.Column("net_migration_95u");
        return totals.Rows
            .Where(r => ages.ContainsKey(CsvTable.Integer(r, ty)))
            .Select(r =>
            {
                var year = CsvTable.Integer(r, ty);
                return new WppAnnualMigration(year, Bounds(r, n, l95, l80, u80, u95), ages[year].Male, ages[year].Female);
            })
            .OrderBy(x => x.Year).ToList();
    }

    private static Dictionary<int, double> ParseSexRatio(CsvTable t)
    {
        int y = t.Column("year"), s = t.Column("srb");
        return t.Rows.ToDictionary(r => CsvTable.Integer(r, y), r => CsvTable.Number(r, s));
    }
}
