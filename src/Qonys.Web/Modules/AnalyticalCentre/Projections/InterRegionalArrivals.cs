using System.Globalization;
using Qonys.Web.Modules.AnalyticalCentre.Contracts;

namespace Qonys.Web.Modules.AnalyticalCentre.Projections;

/// <summary>
/// The door to the inter-regional migration statistics (<see cref="IInterRegionalArrivals"/>), read from the projection
/// inputs.
/// </summary>
internal sealed class InterRegionalArrivals(DemographyInputs inputs) : IInterRegionalArrivals
{
    const string Country = "KZ";

    public IReadOnlyList<(string Code, string NameEn)> Regions =>
        inputs.Regional.Regions.Select(r => (r.Code, r.NameEn)).ToList();

    public IReadOnlyList<MonthlyArrivals> MonthlyArrivals(string regionCode) =>
        inputs.InternalMigration
            .Where(r => r["period"].StartsWith('M') && (regionCode == Country || r["iso_3166_2"] == regionCode))
            .GroupBy(r => (Year: int.Parse(r["year"], CultureInfo.InvariantCulture),
                Month: int.Parse(r["period"][1..], CultureInfo.InvariantCulture)))
            .OrderBy(g => g.Key.Year).ThenBy(g => g.Key.Month)
            .Select(g => new MonthlyArrivals(g.Key.Year, g.Key.Month,
                g.Sum(r => double.Parse(r["arrivals"], CultureInfo.InvariantCulture))))
            .ToList();
}
