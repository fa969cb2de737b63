using Qonys.Tests.Platform;
using Qonys.Web.Modules.Permits.Access;
using Qonys.Web.Modules.Permits.Domain;
using Qonys.Web.Platform.Auth;

namespace Qonys.Tests.Permits.Access;

/// <summary>Who may see or decide an extension or replacement request: the role × scope table of <see cref="PermitChangeRequestAccess"/>.</summary>
public sealed class PermitChangeRequestAccessTests
{
    const string Own = "100000000001";
    const string Other = "100000000002";
    static readonly PermitChangeRequest Request = new() { Id = Guid.NewGuid(), RegionCode = "KZ-35", EmployerBin = Own };
    static readonly PermitChangeRequest[] Others =
    [
        new() { Id = Guid.NewGuid(), RegionCode = "KZ-71", EmployerBin = Other },
        new() { Id = Guid.NewGuid(), RegionCode = "KZ-35", EmployerBin = Other },
        new() { Id = Guid.NewGuid(), RegionCode = "KZ-71", EmployerBin = Own },
    ];
    static readonly RecordOperation[] Operations = [PermitChangeRequestOperations.Read, PermitChangeRequestOperations.IdentifyWorker, PermitChangeRequestOperations.Decide];

    [Theory]
    [InlineData(Roles.Administrator, null, null, "read identify_worker decide")]
    [InlineData(Roles.Analyst, null, null, "read")] // the worker as a pseudonym
    [InlineData(Roles.Officer, "KZ-35", null, "read identify_worker decide")]
    [InlineData(Roles.Officer, "KZ-71", null, "")]
    [InlineData(Roles.Inspector, "KZ-35", null, "read identify_worker")]
    [InlineData(Roles.Inspector, "KZ-71", null, "")]
    [InlineData(Roles.Employer, null, Own, "read identify_worker")]
    [InlineData(Roles.Employer, null, Other, "")]
    [InlineData(Roles.Auditor, null, null, "")]
    [InlineData(Roles.Migrant, null, null, "")]
    public Task An_actor_may_take_the_operations_of_its_row(string role, string? region, string? bin, string allowed) =>
        AccessTable.AssertAsync(new PermitChangeRequestAccess(), Operations, AccessTable.ActorOf(role, region, bin), Request, Others, allowed);
}
