namespace Qonys.Web.Modules.AnalyticalCentre.Contracts;

/// <summary>
/// The demography module's monthly arrivals from other regions (BNS inter-regional migration), for forecasting.
/// </summary>
internal interface IInterRegionalArrivals
{
    /// <summary>The regions with statistics: ISO 3166-2:KZ code and English name, in the statistics' order.</summary>
    IReadOnlyList<(string Code, string NameEn)> Regions { get; }

    /// <summary>
    /// Arrivals per month of <paramref name="regionCode"/> (or of the whole country for "KZ", the sum of the regions),
    /// in calendar order; empty when nothing is on file.
    /// </summary>
    IReadOnlyList<MonthlyArrivals> MonthlyArrivals(string regionCode);
}
