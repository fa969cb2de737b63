namespace Qonys.Engines.Demography;

/// <summary>
/// Regional base populations and fertility factors.
/// Base: each region gets the national single-year structure of 1 January 2026 scaled by its share of the nation by sex
/// (BNS, 1 January of <see cref="ProjectionSettings.PopulationYear"/>, shares held to the base date) and by its relative
/// weight in the broad age bands of 2020 (old geography; a new region takes its parent's band structure, which is the same
/// as splitting the parent's counts in proportion to the 2023 populations). The seed is then raked (iterative proportional
/// fitting) to the regional totals by sex and to the national single-year ages by sex; the last pass fits the ages, so the
/// regions add up to the nation exactly.
/// </summary>
internal static class RegionalBase
{
    public static double[][] Distribute(double[] national, RegionalInputs inputs, ProjectionSettings settings, IReadOnlyList<Region> regions)
    {
        const int n = AgeGrid.Count;
        var pop = inputs.Population.Where(p => p.Year == settings.PopulationYear).ToDictionary(p => p.Code, StringComparer.Ordinal);
        var regionSum = new[] { regions.Sum(r => pop[r.Code].Male), regions.Sum(r => pop[r.Code].Female) };
        var nationalBySex = new[] { national.AsSpan(0, n).ToArray().Sum(), national.AsSpan(n, n).ToArray().Sum() };
        var bandWeights = BandWeights(inputs, settings);
        var seed = new double[regions.Count][];
        var targets = new double[regions.Count][];
        for (var r = 0; r < regions.Count; r++)
        {
            var code = regions[r].Code;
            var bandCode = settings.OldGeographyParents.TryGetValue(code, out var parent) ? parent : code;
            seed[r] = new double[ProjectionModel.Cells];
            targets[r] = [nationalBySex[0] * pop[code].Male / regionSum[0], nationalBySex[1] * pop[code].Female / regionSum[1]];
            for (var s = 0; s < 2; s++)
                for (var x = 0; x < n; x++)
                    seed[r][s * n + x] = national[s * n + x] * (targets[r][s] / nationalBySex[s]) * bandWeights(bandCode, (Sex)s, x);
        }
        for (var iteration = 0; iteration < 200; iteration++)
        {
            for (var r = 0; r < regions.Count; r++)
                for (var s = 0; s < 2; s++)
                {
                    var sum = 0.0;
                    for (var x = 0; x < n; x++) sum += seed[r][s * n + x];
                    if (sum <= 0) continue;
                    var f = targets[r][s] / sum;
                    for (var x = 0; x < n; x++) seed[r][s * n + x] *= f;
                }
            var change = FitAges(seed, national);
            if (change < 1e-12) break;
        }
        return seed;
    }

    /// <summary>Scales every (sex, age) cell across regions to the national value; returns the largest relative change.</summary>
    internal static double FitAges(double[][] regional, ReadOnlySpan<double> national)
    {
        var change = 0.0;
        for (var c = 0; c < national.Length; c++)
        {
            var sum = 0.0;
            foreach (var r in regional) sum += r[c];
            if (sum <= 0) continue;
            var f = national[c] / sum;
            change = Math.Max(change, Math.Abs(f - 1));
            foreach (var r in regional) r[c] *= f;
        }
        return change;
    }

    /// <summary>Relative weight of region × sex × age: (region's share of its sex in the band) / (the nation's share), 2020.</summary>
    private static Func<string, Sex, int, double> BandWeights(RegionalInputs inputs, ProjectionSettings settings)
    {
        var bands = inputs.BroadAgeBands2020;
        var totals = bands.GroupBy(b => (b.Code, b.Sex)).ToDictionary(g => g.Key, g => g.Sum(b => b.Population));
        return (code, sex, age) =>
        {
            var band = bands.FirstOrDefault(b => b.Code == code && b.Sex == sex && age >= b.AgeFrom && (b.AgeTo is null || age <= b.AgeTo));
            var nation = bands.FirstOrDefault(b => b.Code == RegionalInputs.Country && b.Sex == sex && age >= b.AgeFrom && (b.AgeTo is null || age <= b.AgeTo));
            if (band is null || nation is null) return 1.0;
            return band.Population / totals[(code, sex)] / (nation.Population / totals[(RegionalInputs.Country, sex)]);
        };
    }

    /// <summary>
    /// ASFR multiplier of each region: where the 2024 press CBR is known, (CBR_region / CBR_KZ) divided by the same ratio
    /// implied by national ASFR applied to the regional and national base populations; 1 elsewhere (national rates).
    /// </summary>
    public static double[] FertilityFactors(RegionalInputs inputs, IReadOnlyList<Region> regions, double[] national,
        double[][] regional, double[] pattern)
    {
        var cbr = inputs.CrudeBirthRates.ToDictionary(c => c.Code, c => c.PerThousand, StringComparer.Ordinal);
        double Implied(double[] p)
        {
            var births = 0.0;
            for (var x = 15; x <= 49; x++) births += pattern[x] * p[AgeGrid.Count + x];
            return births / p.Sum();
        }
        var nationImplied = Implied(national);
        return regions.Select((r, i) =>
            cbr.TryGetValue(r.Code, out var own) && cbr.TryGetValue(RegionalInputs.Country, out var kz)
                ? own / kz / (Implied(regional[i]) / nationImplied)
                : 1.0).ToArray();
    }
}
