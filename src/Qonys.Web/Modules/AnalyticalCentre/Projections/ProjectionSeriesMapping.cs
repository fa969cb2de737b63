using System.Globalization;
using System.Text.Json;
using Qonys.Engines.Demography;
using Qonys.Web.Modules.AnalyticalCentre.Domain;

namespace Qonys.Web.Modules.AnalyticalCentre.Projections;

/// <summary>
/// Turns the engine's output (thousands of persons) into the stored and published form: whole persons, shares as
/// fractions, quantiles of the total (for a deterministic run all three equal the total: a distribution of one
/// point), years up to the horizon only, and either the nation alone or the nation and the 20 regions.
/// </summary>
internal static class ProjectionSeriesMapping
{
    /// <summary>Thousands (the WPP unit) to whole persons.</summary>
    public static double Persons(double thousands) => Math.Round(thousands * 1000.0, MidpointRounding.AwayFromZero);

    /// <summary>A fraction kept to 6 decimals (0.573412), enough for a share of a population of 20 million.</summary>
    public static double Fraction(double value) => Math.Round(value, 6, MidpointRounding.AwayFromZero);

    /// <summary>
    /// The rows of a run. <paramref name="totalQuantiles"/> gives (unit, year) → quantiles of the total in thousands
    /// for a probabilistic run; null for a deterministic run.
    /// </summary>
    public static IReadOnlyList<ProjectionResultRow> Rows(
        Guid runId, ProjectionResult result, int horizonYear, bool allRegions,
        Func<string, int, QuantileSet>? totalQuantiles)
    {
        var rows = new List<ProjectionResultRow>();
        foreach (var unit in result.Units)
        {
            if (!allRegions && unit.Code != RegionalInputs.Country) continue;
            foreach (var snapshot in unit.Years.Where(y => y.Year <= horizonYear))
            {
                rows.Add(Row(runId, unit.Code, snapshot, snapshot.Year == horizonYear,
                    totalQuantiles?.Invoke(unit.Code, snapshot.Year)));
            }
        }
        return rows;
    }

    /// <summary>One row. Flows of the horizon year lie after the horizon and are left out (null).</summary>
    public static ProjectionResultRow Row(
        Guid runId, string code, PopulationSnapshot snapshot, bool isHorizon, QuantileSet? quantiles)
    {
        var total = Persons(snapshot.Total);
        var flows = isHorizon ? null : snapshot.FlowsDuringYear;
        return new ProjectionResultRow
        {
            RunId = runId,
            RegionCode = code,
            Year = snapshot.Year,
            Total = total,
            Male = Persons(snapshot.MaleTotal),
            Female = Persons(snapshot.FemaleTotal),
            WorkingAgeShare = Fraction(snapshot.WorkingAgeShare),
            AboveWorkingAgeShare = Fraction(snapshot.AboveWorkingAgeShare),
            DependencyRatio = Fraction(snapshot.DependencyRatio),
            Births = flows is { } f1 ? Persons(f1.Births) : null,
            Deaths = flows is { } f2 ? Persons(f2.Deaths) : null,
            NetInternationalMigration = flows is { } f3 ? Persons(f3.InternationalMigration) : null,
            NetInterRegionalMigration = flows is { } f4 ? Persons(f4.InterRegionalMigration) : null,
            P10 = quantiles is null ? total : Persons(quantiles.P10),
            P50 = quantiles is null ? total : Persons(quantiles.P50),
            P90 = quantiles is null ? total : Persons(quantiles.P90),
            MaleAges = AgesJson(snapshot.Male),
            FemaleAges = AgesJson(snapshot.Female),
        };
    }

    static string AgesJson(IReadOnlyList<double> thousands) => JsonSerializer.Serialize(thousands.Select(Persons));

    public static double[] ReadAges(string json) => JsonSerializer.Deserialize<double[]>(json) ?? [];

    /// <summary>Single ages to 5-year groups 0-4 … 95-99 and 100+ (21 groups).</summary>
    public static double[] FiveYearGroups(IReadOnlyList<double> ages)
    {
        var groups = new double[AgeGrid.FiveYearGroups];
        for (var x = 0; x < ages.Count; x++) groups[Math.Min(x / 5, AgeGrid.FiveYearGroups - 1)] += ages[x];
        return groups;
    }

    /// <summary>
    /// Labels of the age groups: "0" … "99", "100+" for single years; "0-4" … "95-99", "100+" for 5-year groups.
    /// </summary>
    public static IReadOnlyList<string> AgeLabels(bool fiveYear) => fiveYear
        ? Enumerable.Range(0, AgeGrid.FiveYearGroups)
            .Select(g => g == AgeGrid.FiveYearGroups - 1 ? "100+" : $"{5 * g}-{5 * g + 4}").ToList()
        : Enumerable.Range(0, AgeGrid.Count)
            .Select(x => x == AgeGrid.Open ? "100+" : x.ToString(CultureInfo.InvariantCulture)).ToList();
}
