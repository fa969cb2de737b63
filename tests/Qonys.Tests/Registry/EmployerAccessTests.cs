using Qonys.Tests.Platform;
using Qonys.Web.Modules.Registry.Domain;
using Qonys.Web.Modules.Registry.Employers;
using Qonys.Web.Platform.Auth;

namespace Qonys.Tests.Registry;

/// <summary>Who may see or register an organisation (docs/api.md "Registry"): the role × scope table of <see cref="EmployerAccess"/>.</summary>
public sealed class EmployerAccessTests
{
    const string Own = "100000000001";
    const string Other = "100000000002";
    static readonly Employer Organisation = new() { Bin = Own, RegionCode = "KZ-35" };
    static readonly Employer[] Others = [new() { Bin = Other, RegionCode = "KZ-71" }, new() { Bin = "100000000003", RegionCode = "KZ-35" }];
    static readonly RecordOperation[] Operations = [EmployerOperations.Read, EmployerOperations.Register];

    [Theory]
    [InlineData(Roles.Administrator, null, null, "read register")]
    [InlineData(Roles.Analyst, null, null, "read")]
    [InlineData(Roles.Officer, "KZ-35", null, "read register")]
    [InlineData(Roles.Officer, "KZ-71", null, "")]
    [InlineData(Roles.Inspector, "KZ-35", null, "read")]
    [InlineData(Roles.Inspector, "KZ-71", null, "")]
    [InlineData(Roles.Employer, null, Own, "read register")]
    [InlineData(Roles.Employer, null, Other, "")]
    [InlineData(Roles.Employer, null, null, "")]
    [InlineData(Roles.Auditor, null, null, "")]
    [InlineData(Roles.Migrant, null, null, "")]
    [InlineData(Roles.HouseholdEmployer, null, null, "")]
    [InlineData(Roles.IntegrationClient, "KZ-35", Own, "")]
    public Task An_actor_may_take_the_operations_of_its_row(string role, string? region, string? bin, string allowed) =>
        AccessTable.AssertAsync(new EmployerAccess(), Operations, AccessTable.ActorOf(role, region, bin), Organisation, Others, allowed);
}
