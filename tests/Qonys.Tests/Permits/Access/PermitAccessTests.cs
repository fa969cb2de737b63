using Qonys.Tests.Platform;
using Qonys.Web.Modules.Permits.Access;
using Qonys.Web.Modules.Permits.Domain;
using Qonys.Web.Platform.Auth;

namespace Qonys.Tests.Permits.Access;

/// <summary>Who may see or act on an issued permit (docs/api.md): the role × scope table of <see cref="PermitAccess"/>.</summary>
public sealed class PermitAccessTests
{
    const string Own = "100000000001";
    const string Other = "100000000002";
    static readonly Permit ThePermit = new() { Number = "35-2026-AAAAAAAA", RegionCode = "KZ-35", EmployerBin = Own };
    static readonly Permit[] Others =
    [
        new() { Number = "71-2026-BBBBBBBB", RegionCode = "KZ-71", EmployerBin = Other },
        new() { Number = "35-2026-CCCCCCCC", RegionCode = "KZ-35", EmployerBin = Other },
        new() { Number = "71-2026-DDDDDDDD", RegionCode = "KZ-71", EmployerBin = Own },
    ];
    static readonly RecordOperation[] Operations = [PermitOperations.Read, PermitOperations.Certificate, PermitOperations.RequestChange, PermitOperations.Revoke];

    [Theory]
    [InlineData(Roles.Administrator, null, null, "read certificate request_change revoke")]
    [InlineData(Roles.Analyst, null, null, "read")] // no certificate: it names the worker
    [InlineData(Roles.Officer, "KZ-35", null, "read certificate revoke")]
    [InlineData(Roles.Officer, "KZ-71", null, "")]
    [InlineData(Roles.Inspector, "KZ-35", null, "read certificate")]
    [InlineData(Roles.Inspector, "KZ-71", null, "")]
    [InlineData(Roles.Employer, null, Own, "read certificate request_change")]
    [InlineData(Roles.Employer, null, Other, "")]
    [InlineData(Roles.Employer, null, null, "")]
    [InlineData(Roles.Auditor, null, null, "")]
    [InlineData(Roles.Migrant, null, null, "")]
    [InlineData(Roles.HouseholdEmployer, null, null, "")]
    [InlineData(Roles.IntegrationClient, "KZ-35", Own, "")]
    public Task An_actor_may_take_the_operations_of_its_row(string role, string? region, string? bin, string allowed) =>
        AccessTable.AssertAsync(new PermitAccess(), Operations, AccessTable.ActorOf(role, region, bin), ThePermit, Others, allowed);
}
