using Qonys.Web.Modules.Registry.Domain;

namespace Qonys.Web.Modules.Registry.Employers;

internal sealed record StaffRequest(Dictionary<string, int?>? Citizens, Dictionary<string, int?>? Foreigners);

internal sealed record EmployerRequest(string? Bin, string? Name, string? RegionCode, string? OkedSection, StaffRequest? Staff,
    bool? IsSmallBusiness, bool? IsBranchOffice);

internal sealed record StaffResponse(Dictionary<string, int> Citizens, Dictionary<string, int> Foreigners);

internal sealed record EmployerResponse(string Bin, string Name, string RegionCode, string OkedSection, StaffResponse Staff,
    bool IsSmallBusiness, bool IsBranchOffice, DateTime CreatedAt, DateTime UpdatedAt)
{
    public static EmployerResponse From(Employer e) => new(e.Bin, e.Name, e.RegionCode, e.OkedSection,
        new StaffResponse(e.Citizens.ToDictionary(), e.Foreigners.ToDictionary()), e.IsSmallBusiness, e.IsBranchOffice,
        e.CreatedAt, e.UpdatedAt);
}
