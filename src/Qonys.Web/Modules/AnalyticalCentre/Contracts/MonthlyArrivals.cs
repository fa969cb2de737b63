namespace Qonys.Web.Modules.AnalyticalCentre.Contracts;

/// <summary>The persons who arrived in a region from the other regions in one calendar month.</summary>
internal sealed record MonthlyArrivals(int Year, int Month, double Arrivals);
