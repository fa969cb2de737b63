using System.Globalization;
using Qonys.Engines.Demography;

namespace Qonys.Tests.Demography;

/// <summary>The national baseline against what the WPP 2024 inputs imply (WPP's projected totals are not in data/).</summary>
public class WppValidationTests
{
    private static readonly Lazy<UnitProjection> Nation = new(() => CohortComponentProjection.Run(DemographyData.Model, ScenarioDefinition.Baseline)["KZ"]);

    [Fact]
    public void Base_population_keeps_the_WPP_2025_structure_and_moves_half_a_year_to_1_January_2026()
    {
        var model = DemographyData.Model;
        var mid = model.NationalMidYear2025(FertilityVariant.Medium);
        var b = DemographyData.Wpp.BasePopulation;
        for (var g = 0; g < 20; g++)
        {
            mid.Skip(5 * g).Take(5).Sum().ShouldBe(b.Male[g], 1e-9);
            mid.Skip(101 + 5 * g).Take(5).Sum().ShouldBe(b.Female[g], 1e-9);
        }
        mid.Sum().ShouldBe(20843.754, 0.01);
        // WPP's own growth in 2023 was 268 thousand a year (kaz_vital_annual pop_change); half a year of 2025 components
        // should add roughly half of a similar figure: 100 … 160 thousand.
        (Nation.Value.At(2026).Total - mid.Sum()).ShouldBeInRange(100, 160);
    }

    [Fact]
    public void Net_international_migration_equals_the_WPP_annual_totals()
    {
        foreach (var year in Enumerable.Range(2026, 24))
        {
            var wpp = DemographyData.Wpp.MigrationFor(year).Total.Median;
            Nation.Value.At(year).FlowsDuringYear!.Value.InternationalMigration.ShouldBe(wpp, 0.05, $"{year}");
        }
    }

    [Fact]
    public void Births_are_the_WPP_TFR_applied_to_the_women_exposed()
    {
        // Recomputed from the published files alone, not from the model's graduated pattern: the WPP 5-year shares
        // (kaz_pasfr_5y) interpolated linearly between the periods' mid-years to the middle of the year, each spread
        // evenly over its five single ages, times the women exposed ((W_1Jan(x) + W_1Jan_next(x))/2) and the annual TFR.
        // The engine graduates the shares smoothly inside each group instead of evenly; over 15-49 that moves births by
        // under 1 % (0.7 % in 2026, 0.3 % in 2035 and 2049).
        var pasfr = ReadCsv("kaz_pasfr_5y_1950_2100.csv")
            .Select(r => (MidYear: int.Parse(r["mid_year"], CultureInfo.InvariantCulture), AgeStart: int.Parse(r["age_start"], CultureInfo.InvariantCulture),
                Percent: double.Parse(r["pasfr_percent"], CultureInfo.InvariantCulture)))
            .ToList();
        var tfrs = ReadCsv("kaz_tfr_annual_1950_2100.csv");
        foreach (var year in new[] { 2026, 2035, 2049 })
        {
            var time = year + 0.5;
            var before = pasfr.Where(p => p.MidYear <= time).Max(p => p.MidYear);
            var after = pasfr.Where(p => p.MidYear > time).Min(p => p.MidYear);
            var w = (time - before) / (after - before);
            var tfr = double.Parse(tfrs.Single(r => r["year"] == year.ToString(CultureInfo.InvariantCulture))["tfr"], CultureInfo.InvariantCulture);
            var start = Nation.Value.At(year).Female;
            var end = Nation.Value.At(year + 1).Female;
            var expected = 0.0;
            for (var a = 15; a < 50; a += 5)
            {
                var share = ((1 - w) * pasfr.Single(p => p.MidYear == before && p.AgeStart == a).Percent
                             + (w * pasfr.Single(p => p.MidYear == after && p.AgeStart == a).Percent)) / 100;
                expected += Enumerable.Range(a, 5).Sum(x => tfr * share / 5 * 0.5 * (start[x] + end[x]));
            }
            Nation.Value.At(year).FlowsDuringYear!.Value.Births.ShouldBe(expected, 0.01 * expected, $"{year}");
        }
    }

    private static List<Dictionary<string, string>> ReadCsv(string file)
    {
        using var reader = DemographyData.Open("wpp2024/" + file);
        var header = reader.ReadLine()!.Split(',');
        var rows = new List<Dictionary<string, string>>();
        while (reader.ReadLine() is { } line) rows.Add(header.Zip(line.Split(',')).ToDictionary(p => p.First, p => p.Second));
        return rows;
    }

    [Fact]
    public void Crude_rates_stay_close_to_the_latest_WPP_estimates()
    {
        // WPP 2023 estimates (kaz_vital_annual): CBR 20.1 ‰, CDR 6.7 ‰. In 2026 the medium TFR is lower (2.92 vs 3.01)
        // and the population older, so CBR 17-21 ‰ and CDR 6-7.5 ‰ are expected.
        var y = Nation.Value.At(2026);
        var f = y.FlowsDuringYear!.Value;
        (1000 * f.Births / y.Total).ShouldBeInRange(17, 21);
        (1000 * f.Deaths / y.Total).ShouldBeInRange(6, 7.5);
    }

    [Fact]
    public void Totals_are_in_the_range_of_the_published_references()
    {
        // References (see docs/demography.md): WPP 2024 medium about 22 M in 2030 and 25-26 M in 2050 (general knowledge of
        // WPP 2024, not in data/), the ministry's 27.5 M in 2050. The run must fall between 24 M and 27.5 M in 2050, and be
        // within 3 % of 22 M in 2030.
        Nation.Value.At(2030).Total.ShouldBe(22_000, 660);
        Nation.Value.At(2050).Total.ShouldBeInRange(24_000, 27_500);
    }

    [Fact]
    public void Annual_baseline_matches_an_independent_5_year_projection_with_the_WPP_legacy_inputs()
    {
        // The 5-year WPP files (pop 2025, mx, pasfr, TFR, SRB and net migration by 5-year period) are a consistent input set
        // for a 5-year cohort-component model (SOURCES.md 1). The test runs that model itself, mid-2025 → mid-2050, and the
        // engine's annual run must agree within 0.3 % at each mid-year (mid-year t ≈ average of 1 January t and t+1).
        var reference = LegacyFiveYearProjection();
        var nation = Nation.Value;
        foreach (var (year, total) in reference)
        {
            if (year == 2025) continue;
            // 1 July 2050 lies beyond the run: extrapolate half of the 2049 change.
            var midYear = year < 2050
                ? 0.5 * (nation.At(year).Total + nation.At(year + 1).Total)
                : nation.At(2050).Total + 0.5 * (nation.At(2050).Total - nation.At(2049).Total);
            midYear.ShouldBe(total, 0.003 * total, $"{year}");
        }
    }

    private static List<(int Year, double Total)> LegacyFiveYearProjection()
    {
        static double D(string s) => double.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
        var basePop = ReadCsv("kaz_pop_age5_sex_base_2025.csv");
        var pop = new[] { basePop.Select(r => D(r["male"])).ToArray(), basePop.Select(r => D(r["female"])).ToArray() };
        var mx = ReadCsv("kaz_mx_abridged_5y_1950_2100.csv");
        var pasfr = ReadCsv("kaz_pasfr_5y_1950_2100.csv");
        var tfr = ReadCsv("kaz_tfr_5y_1950_2100.csv");
        var srb = ReadCsv("kaz_srb_5y_1950_2100.csv");
        var mig = ReadCsv("kaz_netmig_age5_sex_5y_2020_2100.csv");
        var result = new List<(int, double)> { (2025, pop[0].Sum() + pop[1].Sum()) };
        string[] mxColumn = ["mx_male", "mx_female"], migColumn = ["male", "female"];
        for (var start = 2025; start < 2050; start += 5)
        {
            var period = $"{start}-{start + 5}";
            var t = D(tfr.Single(r => r["period"] == period)["tfr"]);
            var share = pasfr.Where(r => r["period"] == period).Select(r => D(r["pasfr_percent"])).ToArray();
            var ratio = D(srb.Single(r => r["period"] == period)["srb"]);
            var next = new double[2][];
            var lived = new double[2][];
            for (var s = 0; s < 2; s++)
            {
                // 5Lx with exponential survival inside each abridged group (radix 1); groups 0 and 1-4 make 0-4; open 100+ = T100.
                var m = mx.Where(r => r["period"] == period).Select(r => D(r[mxColumn[s]])).ToArray();
                var l = 1.0;
                var nL = new double[21];
                int[] widths = [1, 4, .. Enumerable.Repeat(5, 19)];
                for (var g = 0; g < 21; g++)
                {
                    var survive = Math.Exp(-widths[g] * m[g]);
                    nL[Math.Max(0, g - 1)] += l * (1 - survive) / m[g];
                    l *= survive;
                }
                nL[20] = l / m[21];
                lived[s] = nL;
                var mi = mig.Where(r => r["period"] == period).Select(r => D(r[migColumn[s]])).ToArray();
                var q = new double[21];
                for (var g = 1; g < 20; g++) q[g] = (pop[s][g - 1] + mi[g] / 2) * nL[g] / nL[g - 1] + mi[g] / 2;
                q[20] = (pop[s][19] + pop[s][20] + mi[20] / 2) * nL[20] / (nL[19] + nL[20]) + mi[20] / 2;
                q[0] = mi[0]; // newborns added below
                next[s] = q;
            }
            var births = 0.0;
            for (var i = 0; i < 7; i++) births += t * share[i] / 100 * (pop[1][3 + i] + next[1][3 + i]) / 2; // 5 years × ASFR = TFR·share
            for (var s = 0; s < 2; s++)
            {
                var sexBirths = births * (s == 0 ? ratio / (1 + ratio) : 1 / (1 + ratio));
                var mi0 = next[s][0];
                next[s][0] = (sexBirths + mi0 / 2) * lived[s][0] / 5 + mi0 / 2;
            }
            pop = next;
            result.Add((start + 5, pop[0].Sum() + pop[1].Sum()));
        }
        return result;
    }
}
