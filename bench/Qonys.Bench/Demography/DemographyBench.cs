using Qonys.Engines.Demography;

namespace Qonys.Bench.Demography;

/// <summary>
/// Probabilistic projection: 20 regions + nation × 101 ages × 2 sexes × 26 years (2026–2051 populations) × 1,000
/// trajectories. Options: [trajectories (1000)] [runs (5)] [threads (-1: every core)].
/// </summary>
public sealed class DemographyBench : IBench
{
    public string Name => "demography";

    public string Description => "probabilistic cohort-component projection, 20 regions x 101 ages x 2 sexes x 26 years x 1000 trajectories";

    public Task RunAsync(string[] args)
    {
        var trajectories = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 1000;
        var runs = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5;
        var threads = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : -1;
        var (wpp, regional) = Load();
        // 26 annual steps: populations on 1 January 2026 … 2052 (26 projected years after the base).
        var model = ProjectionModel.Create(wpp, regional, ProjectionSettings.Default with { EndYear = 2052 });
        Console.WriteLine($"cores {Environment.ProcessorCount}, regions {model.Regions.Count}, steps {model.Years.Count - 1}, trajectories {trajectories}");
        ProbabilisticResult? result = null;
        // The CPU time per run (Harness) is the load-independent measure on a shared machine: on idle cores the wall
        // time is about CPU time / cores.
        Harness.Measure("probabilistic", $"demography probabilistic T={trajectories} threads={threads}", runs, () =>
            result = ProbabilisticProjection.Run(model, ScenarioDefinition.Baseline, new ProbabilisticSettings(trajectories, 20260101, MaxDegreeOfParallelism: threads)));
        foreach (var year in new[] { 2030, 2040, 2050 })
        {
            var q = result!.Quantiles("KZ", ProjectionIndicator.Total, year);
            Console.WriteLine($"KZ {year}: p2.5 {q.P2_5:F0}  p10 {q.P10:F0}  p50 {q.P50:F0}  p90 {q.P90:F0}  p97.5 {q.P97_5:F0} (thousands)");
        }
        Harness.Measure("deterministic", "demography deterministic baseline", runs, () => CohortComponentProjection.Run(model, ScenarioDefinition.Baseline));
        return Task.CompletedTask;
    }

    private static (WppInputs, RegionalInputs) Load()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Qonys.slnx"))) dir = dir.Parent;
        var data = Path.Combine(dir?.FullName ?? throw new InvalidOperationException("Qonys.slnx not found"), "data");
        StreamReader Open(string relative) => new(Path.Combine(data, relative));
        using var a = Open("wpp2024/kaz_pop_age5_sex_base_2025.csv");
        using var b = Open("wpp2024/kaz_mx_abridged_5y_1950_2100.csv");
        using var c = Open("wpp2024/kaz_pasfr_5y_1950_2100.csv");
        using var d = Open("wpp2024/kaz_tfr_annual_1950_2100.csv");
        using var e = Open("wpp2024/kaz_e0_annual_1950_2100.csv");
        using var f = Open("wpp2024/kaz_e0_5y_1950_2100.csv");
        using var g = Open("wpp2024/kaz_netmig_annual_1950_2100.csv");
        using var h = Open("wpp2024/kaz_netmig_age_sex_annual_2023_2100.csv");
        using var i = Open("wpp2024/kaz_srb_annual_1950_2100.csv");
        var wpp = WppInputs.Parse(a, b, c, d, e, f, g, h, i);
        using var ra = Open("regions/kz_regions.csv");
        using var rb = Open("regions/kz_region_population_by_sex_2000_2023.csv");
        using var rc = Open("regions/kz_region_population_broad_age_sex_2020.csv");
        using var rd = Open("regions/kz_region_life_expectancy_1999_2022.csv");
        using var re = Open("regions/kz_region_internal_migration_2022_2024.csv");
        using var rf = Open("regions/kz_region_vital_rates_2024_press.csv");
        return (wpp, RegionalInputs.Parse(ra, rb, rc, rd, re, rf));
    }
}
