using System.Reflection;
using Qonys.Engines.Demography;

namespace Qonys.Web.Modules.AnalyticalCentre.Projections;

/// <summary>
/// The projection engine's inputs, read from the data files embedded in this assembly (data/wpp2024, data/regions)
/// and prepared once per process: the first caller builds the <see cref="ProjectionModel"/> (about a second), every
/// later run reuses it. The model is immutable and thread-safe, so one instance serves all requests and jobs.
/// </summary>
internal sealed class DemographyInputs
{
    const string Wpp = "Qonys.Demography.wpp2024.";
    const string Regions = "Qonys.Demography.regions.";

    readonly Lazy<(WppInputs Wpp, RegionalInputs Regional, ProjectionModel Model)> _prepared =
        new(Prepare, LazyThreadSafetyMode.ExecutionAndPublication);
    readonly Lazy<IReadOnlyList<IReadOnlyDictionary<string, string>>> _unemployment =
        new(() => ReadRecords(Regions + "kz_region_unemployment_rate_2001_2023.csv"));
    readonly Lazy<IReadOnlyList<IReadOnlyDictionary<string, string>>> _wages =
        new(() => ReadRecords("Qonys.Reference.regional_wages_2022.csv"));
    readonly Lazy<IReadOnlyList<IReadOnlyDictionary<string, string>>> _internalMigration =
        new(() => ReadRecords(Regions + "kz_region_internal_migration_2022_2024.csv"));

    /// <summary>The prepared model (to 1 January 2050, Kazakhstan statutory ages).</summary>
    public ProjectionModel Model => _prepared.Value.Model;

    /// <summary>The regional statistics the model was built from (regions with names, populations, flows).</summary>
    public RegionalInputs Regional => _prepared.Value.Regional;

    /// <summary>BNS unemployment rates by year, period (Q1–Q4, year) and region (data/regions file 2.7).</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> UnemploymentRates => _unemployment.Value;

    /// <summary>BNS average monthly wages by region in 2022 (data/regions file 2.9).</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> Wages => _wages.Value;

    /// <summary>Inter-regional migration rows (file 2.8), including the 2024 months M01–M12.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> InternalMigration => _internalMigration.Value;

    static (WppInputs, RegionalInputs, ProjectionModel) Prepare()
    {
        WppInputs wpp;
        using (var a = Open(Wpp + "kaz_pop_age5_sex_base_2025.csv"))
        using (var b = Open(Wpp + "kaz_mx_abridged_5y_1950_2100.csv"))
        using (var c = Open(Wpp + "kaz_pasfr_5y_1950_2100.csv"))
        using (var d = Open(Wpp + "kaz_tfr_annual_1950_2100.csv"))
        using (var e = Open(Wpp + "kaz_e0_annual_1950_2100.csv"))
        using (var f = Open(Wpp + "kaz_e0_5y_1950_2100.csv"))
        using (var g = Open(Wpp + "kaz_netmig_annual_1950_2100.csv"))
        using (var h = Open(Wpp + "kaz_netmig_age_sex_annual_2023_2100.csv"))
        using (var i = Open(Wpp + "kaz_srb_annual_1950_2100.csv"))
            wpp = WppInputs.Parse(a, b, c, d, e, f, g, h, i);
        RegionalInputs regional;
        using (var a = Open("Qonys.Reference.kz_regions.csv"))
        using (var b = Open(Regions + "kz_region_population_by_sex_2000_2023.csv"))
        using (var c = Open(Regions + "kz_region_population_broad_age_sex_2020.csv"))
        using (var d = Open(Regions + "kz_region_life_expectancy_1999_2022.csv"))
        using (var e = Open(Regions + "kz_region_internal_migration_2022_2024.csv"))
        using (var f = Open(Regions + "kz_region_vital_rates_2024_press.csv"))
            regional = RegionalInputs.Parse(a, b, c, d, e, f);
        return (wpp, regional, ProjectionModel.Create(wpp, regional));
    }

    static StreamReader Open(string resource) =>
        new(Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"embedded data file {resource} is missing"));

    static IReadOnlyList<IReadOnlyDictionary<string, string>> ReadRecords(string resource)
    {
        using var reader = Open(resource);
        return Csv.ReadRecords(reader);
    }
}
