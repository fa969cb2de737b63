namespace Qonys.Web.Modules.Registry.Contracts;

/// <summary>
/// What the registry publishes about an organisation: its identity, region and sector, and its staff by permit
/// category 1–4 (index 0 is category 1), citizens and foreigners apart.
/// </summary>
internal sealed record EmployerFacts(string Bin, string Name, string RegionCode, string OkedSection, IReadOnlyList<int> CitizenStaff,
    IReadOnlyList<int> ForeignStaff, bool IsSmallBusiness, bool IsBranchOffice)
{
    public int Citizens => CitizenStaff.Sum();

    public int TotalStaff => Citizens + ForeignStaff.Sum();
}
