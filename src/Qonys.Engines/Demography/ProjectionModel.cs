namespace Qonys.Engines.Demography;

/// <summary>Rates of one calendar-year step (1 January t → 1 January t+1), prepared from WPP.</summary>
internal sealed record StepRates(
    int Year,
    double[] MxMale,
    double[] MxFemale,
    double[] FertilityPattern,
    double SexRatioAtBirth,
    WppAnnualFertility Fertility,
    WppAnnualLifeExpectancy LifeExpectancy,
    double[] Migration,
    ProbabilityBounds MigrationTotal);

/// <summary>The starting populations (1 January 2026) and regional fertility factors of one WPP fertility variant.</summary>
internal sealed record PreparedBase(double[] MidYear2025, double[] National, double[][] Regional, double[] RegionalFertilityFactor);

/// <summary>
/// Inputs prepared once for any number of projection runs: annual rates interpolated from the WPP periods, the base
/// populations (national and regional, 1 January 2026) and the regional scaling factors. Immutable and thread-safe.
/// All counts are in thousands of persons. Population arrays hold 202 cells: male ages 0 … 100+, then female.
/// </summary>
public sealed class ProjectionModel
{
    internal const int Cells = 2 * AgeGrid.Count;

    private ProjectionModel(
        ProjectionSettings settings,
        IReadOnlyList<Region> regions,
        StepRates baseShift,
        StepRates[] steps,
        PreparedBase[] bases,
        double[][] hazardRatio,
        double[] outIntensity,
        double[] gainShare,
        double[] relativeAgeIntensity,
        double[] migrationProfile)
    {
        Settings = settings;
        Regions = regions;
        BaseShift = baseShift;
        Steps = steps;
        Bases = bases;
        HazardRatio = hazardRatio;
        OutIntensity = outIntensity;
        GainShare = gainShare;
        RelativeAgeIntensity = relativeAgeIntensity;
        MigrationProfile = migrationProfile;
    }

    /// <summary>The settings the model was prepared with.</summary>
    public ProjectionSettings Settings { get; }

    /// <summary>The 20 regions, in ISO code order (the order of regional outputs after "KZ").</summary>
    public IReadOnlyList<Region> Regions { get; }

    /// <summary>Projected 1 January years: 2026 … EndYear.</summary>
    public IReadOnlyList<int> Years => Enumerable.Range(ProjectionSettings.BaseYear, Steps.Length + 1).ToArray();

    internal StepRates BaseShift { get; }
    internal StepRates[] Steps { get; }
    internal PreparedBase[] Bases { get; }
    internal double[][] HazardRatio { get; }
    internal double[] OutIntensity { get; }
    internal double[] GainShare { get; }
    internal double[] RelativeAgeIntensity { get; }
    internal double[] MigrationProfile { get; }

    /// <summary>Regional fertility factor (ASFR multiplier relative to the nation) of a region under a fertility variant.</summary>
    public double RegionalFertilityFactor(string code, FertilityVariant variant) => Bases[(int)variant].RegionalFertilityFactor[RegionIndex(code)];

    /// <summary>The graduated WPP population of about 1 July 2025 (202 cells, thousands).</summary>
    public IReadOnlyList<double> NationalMidYear2025(FertilityVariant variant) => Bases[(int)variant].MidYear2025;

    internal int RegionIndex(string code)
    {
        for (var r = 0; r < Regions.Count; r++)
            if (string.Equals(Regions[r].Code, code, StringComparison.Ordinal)) return r;
        throw new ArgumentException($"Unknown region '{code}'.", nameof(code));
    }

    /// <summary>Prepares a model from the parsed WPP and regional inputs.</summary>
    public static ProjectionModel Create(WppInputs wpp, RegionalInputs regional, ProjectionSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(wpp);
        ArgumentNullException.ThrowIfNull(regional);
        settings ??= ProjectionSettings.Default;
        if (settings.EndYear <= ProjectionSettings.BaseYear) throw new ArgumentException("EndYear must be after 2026.", nameof(settings));

        var patterns = wpp.FertilityPattern.Select(p => (p.MidYear, Pattern: GraduatePattern(p.SharePercent))).ToArray();
        var baseShift = Rates(wpp, patterns, ProjectionSettings.BaseYear - 1);
        var steps = Enumerable.Range(ProjectionSettings.BaseYear, settings.EndYear - ProjectionSettings.BaseYear)
            .Select(y => Rates(wpp, patterns, y)).ToArray();

        var regions = regional.Regions;
        var hazard = RegionalHazardRatios(wpp, patterns, regional, settings, regions);
        var bases = new[] { FertilityVariant.Medium, FertilityVariant.Low, FertilityVariant.High }
            .Select(v => PrepareBase(wpp, regional, settings, regions, baseShift, steps[0], v)).ToArray();

        var relative = settings.MigrationSchedule.RelativeIntensity();
        var (outIntensity, gainShare) = InternalFlowParameters(regional, settings, regions, bases[0].Regional, relative);
        return new ProjectionModel(settings, regions, baseShift, steps, bases, hazard, outIntensity, gainShare, relative,
            settings.MigrationSchedule.SexAgeShares());
    }

    /// <summary>Single-year shares of the TFR (101 ages, non-zero 15 … 49, sum 1) from the 7 WPP 5-year shares.</summary>
    internal static double[] GraduatePattern(IReadOnlyList<double> sharePercent)
    {
        // Groups 10-14 … 50-54 with empty end groups, so Sprague has neighbours on both sides of 15-19 and 45-49.
        var groups = new double[11];
        for (var g = 0; g < sharePercent.Count; g++) groups[g + 3] = sharePercent[g];
        var single = SpragueGraduation.GraduateClosed(groups);
        var pattern = new double[AgeGrid.Count];
        var sum = 0.0;
        for (var x = 15; x <= 49; x++) sum += pattern[x] = Math.Max(single[x], 0);
        for (var x = 15; x <= 49; x++) pattern[x] /= sum;
        return pattern;
    }

    private static StepRates Rates(WppInputs wpp, (int MidYear, double[] Pattern)[] patterns, int year)
    {
        var time = year + 0.5; // the middle of the calendar-year step
        var mx = wpp.Mortality;
        var (i, w) = Bracket(mx.Select(p => (double)p.MidYear).ToArray(), time);
        double[] LogLinear(Func<WppPeriodMortality, IReadOnlyList<double>> pick) =>
            Enumerable.Range(0, AbridgedLifeTable.GroupCount)
                .Select(g => Math.Exp((1 - w) * Math.Log(pick(mx[i])[g]) + w * Math.Log(pick(mx[Math.Min(i + 1, mx.Count - 1)])[g])))
                .ToArray();
        var (j, v) = Bracket(patterns.Select(p => (double)p.MidYear).ToArray(), time);
        var pattern = new double[AgeGrid.Count];
        var next = patterns[Math.Min(j + 1, patterns.Length - 1)].Pattern;
        for (var x = 0; x < AgeGrid.Count; x++) pattern[x] = (1 - v) * patterns[j].Pattern[x] + v * next[x];
        var migration = wpp.MigrationFor(year);
        var cells = new double[Cells];
        for (var x = 0; x < AgeGrid.Count; x++)
        {
            cells[x] = migration.Male[x];
            cells[AgeGrid.Count + x] = migration.Female[x];
        }
        return new StepRates(year, LogLinear(p => p.MaleMx), LogLinear(p => p.FemaleMx), pattern, wpp.SexRatioFor(year),
            wpp.FertilityFor(year), wpp.LifeExpectancyFor(year), cells, migration.Total);
    }

    /// <summary>Index of the period centre at or below <paramref name="time"/> and the weight of the next one (clamped at the ends).</summary>
    private static (int Index, double Weight) Bracket(double[] centres, double time)
    {
        if (time <= centres[0]) return (0, 0);
        for (var i = 0; i < centres.Length - 1; i++)
            if (time < centres[i + 1]) return (i, (time - centres[i]) / (centres[i + 1] - centres[i]));
        return (centres.Length - 1, 0);
    }

    internal static double TfrOf(StepRates rates, FertilityVariant variant) => variant switch
    {
        FertilityVariant.Low => rates.Fertility.Low,
        FertilityVariant.High => rates.Fertility.High,
        _ => rates.Fertility.Tfr.Median,
    };

    private static PreparedBase PrepareBase(WppInputs wpp, RegionalInputs regional, ProjectionSettings settings,
        IReadOnlyList<Region> regions, StepRates shift, StepRates first, FertilityVariant variant)
    {
        var b = wpp.BasePopulation;
        var (male, female) = variant switch
        {
            FertilityVariant.Low => (b.MaleLow, b.FemaleLow),
            FertilityVariant.High => (b.MaleHigh, b.FemaleHigh),
            _ => (b.Male, b.Female),
        };
        var midYear = new double[Cells];
        foreach (var (groups, offset) in new[] { (male, 0), (female, AgeGrid.Count) })
        {
            var single = SpragueGraduation.GraduateWithOpenGroup(groups);
            // The graduated base must add back to the WPP groups (to 1e-9 thousand, i.e. far below one person).
            if (SpragueGraduation.LargestGroupDeviation(groups, single) > 1e-9)
                throw new InvalidOperationException("Graduated base population does not add back to the WPP 5-year groups.");
            single.CopyTo(midYear, offset);
        }
        var national = BaseDateShift.ToFirstJanuary(midYear, shift, TfrOf(shift, variant));
        var regional1 = RegionalBase.Distribute(national, regional, settings, regions);
        var fertility = RegionalBase.FertilityFactors(regional, regions, national, regional1, first.FertilityPattern);
        return new PreparedBase(midYear, national, regional1, fertility);
    }

    private static double[][] RegionalHazardRatios(WppInputs wpp, (int MidYear, double[] Pattern)[] patterns,
        RegionalInputs regional, ProjectionSettings settings, IReadOnlyList<Region> regions)
    {
        var year = settings.RegionalLifeExpectancyYear;
        var rates = Rates(wpp, patterns, year);
        var wppE0 = wpp.LifeExpectancyFor(year);
        var e0 = regional.LifeExpectancy.Where(e => e.Year == year).ToDictionary(e => e.Code, StringComparer.Ordinal);
        var nation = e0[RegionalInputs.Country];
        var calibrated = new[]
        {
            Scale(rates.MxMale, AbridgedLifeTable.SolveHazardFactor(rates.MxMale, wppE0.Male.Median)),
            Scale(rates.MxFemale, AbridgedLifeTable.SolveHazardFactor(rates.MxFemale, wppE0.Female.Median)),
        };
        return regions.Select(r =>
        {
            if (!e0.TryGetValue(r.Code, out var own)) return new[] { 1.0, 1.0 };
            return new[]
            {
                AbridgedLifeTable.SolveHazardFactor(calibrated[0], wppE0.Male.Median + own.Male - nation.Male),
                AbridgedLifeTable.SolveHazardFactor(calibrated[1], wppE0.Female.Median + own.Female - nation.Female),
            };
        }).ToArray();
    }

    private static double[] Scale(double[] values, double factor) => values.Select(v => v * factor).ToArray();

    private static (double[] Out, double[] Gain) InternalFlowParameters(RegionalInputs regional, ProjectionSettings settings,
        IReadOnlyList<Region> regions, double[][] basePopulation, double[] relative)
    {
        var years = settings.InternalMigrationYears;
        var net = regions.Select(r =>
        {
            var rows = regional.InternalMigration.Where(m => m.Code == r.Code && years.Contains(m.Year)).ToArray();
            return rows.Length == 0 ? 0.0 : rows.Average(m => m.Net) / 1000.0; // thousands per year
        }).ToArray();
        var totalGain = net.Where(n => n > 0).Sum();
        var outIntensity = new double[regions.Count];
        var gain = new double[regions.Count];
        for (var r = 0; r < regions.Count; r++)
        {
            if (net[r] > 0) gain[r] = net[r] / totalGain;
            else if (net[r] < 0)
            {
                var exposure = 0.0;
                for (var c = 0; c < Cells; c++) exposure += relative[c % AgeGrid.Count] * basePopulation[r][c];
                outIntensity[r] = -net[r] / exposure;
            }
        }
        return (outIntensity, gain);
    }
}
