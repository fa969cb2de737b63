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
        // Recompute from the published pyramids: Σ TFR·share(x)·(W_1Jan(x) + W_1Jan_next(x))/2 over ages 15-49.
        var model = DemographyData.Model;
        foreach (var year in new[] { 2026, 2035, 2049 })
        {
            var step = model.Steps[year - 2026];
            var tfr = DemographyData.Wpp.FertilityFor(year).Tfr.Median;
            var start = Nation.Value.At(year).Female;
            var end = Nation.Value.At(year + 1).Female;
            var exposure = Enumerable.Range(15, 35).Sum(x => step.FertilityPattern[x] * 0.5 * (start[x] + end[x]));
            Nation.Value.At(year).FlowsDuringYear!.Value.Births.ShouldBe(tfr * exposure, 1e-9);
        }
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
}
