using Qonys.Engines.Demography;

namespace Qonys.Tests.Demography;

/// <summary>Loads the repository's WPP and regional inputs once per test run.</summary>
public static class DemographyData
{
    private static readonly Lazy<(WppInputs Wpp, RegionalInputs Regional, ProjectionModel Model)> Loaded = new(Load);

    public static WppInputs Wpp => Loaded.Value.Wpp;
    public static RegionalInputs Regional => Loaded.Value.Regional;
    public static ProjectionModel Model => Loaded.Value.Model;

    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Qonys.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Repository root (Qonys.slnx) not found.");
    }

    public static TextReader Open(string relative) => new StreamReader(Path.Combine(RepositoryRoot(), "data", relative));

    private static (WppInputs, RegionalInputs, ProjectionModel) Load()
    {
        WppInputs wpp;
        using (var a = Open("wpp2024/kaz_pop_age5_sex_base_2025.csv"))
        using (var b = Open("wpp2024/kaz_mx_abridged_5y_1950_2100.csv"))
        using (var c = Open("wpp2024/kaz_pasfr_5y_1950_2100.csv"))
        using (var d = Open("wpp2024/kaz_tfr_annual_1950_2100.csv"))
        using (var e = Open("wpp2024/kaz_e0_annual_1950_2100.csv"))
        using (var f = Open("wpp2024/kaz_e0_5y_1950_2100.csv"))
        using (var g = Open("wpp2024/kaz_netmig_annual_1950_2100.csv"))
        using (var h = Open("wpp2024/kaz_netmig_age_sex_annual_2023_2100.csv"))
        using (var i = Open("wpp2024/kaz_srb_annual_1950_2100.csv"))
            wpp = WppInputs.Parse(a, b, c, d, e, f, g, h, i);
        RegionalInputs regional;
        using (var a = Open("regions/kz_regions.csv"))
        using (var b = Open("regions/kz_region_population_by_sex_2000_2023.csv"))
        using (var c = Open("regions/kz_region_population_broad_age_sex_2020.csv"))
        using (var d = Open("regions/kz_region_life_expectancy_1999_2022.csv"))
        using (var e = Open("regions/kz_region_internal_migration_2022_2024.csv"))
        using (var f = Open("regions/kz_region_vital_rates_2024_press.csv"))
            regional = RegionalInputs.Parse(a, b, c, d, e, f);
        return (wpp, regional, ProjectionModel.Create(wpp, regional));
    }
}
