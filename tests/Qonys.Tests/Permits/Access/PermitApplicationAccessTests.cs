using Qonys.Tests.Platform;
using Qonys.Web.Modules.Permits.Access;
using Qonys.Web.Modules.Permits.Domain;
using Qonys.Web.Platform.Auth;

namespace Qonys.Tests.Permits.Access;

/// <summary>Who may see or act on a permit application (docs/api.md): the role × scope table of <see cref="PermitApplicationAccess"/>.</summary>
public sealed class PermitApplicationAccessTests
{
    const string Own = "100000000001";
    const string Other = "100000000002";
    static readonly PermitApplication Case = new() { RegionCode = "KZ-35", EmployerBin = Own };
    static readonly PermitApplication[] Others =
    [
        new() { RegionCode = "KZ-71", EmployerBin = Other }, new() { RegionCode = "KZ-35", EmployerBin = Other },
        new() { RegionCode = "KZ-71", EmployerBin = Own },
    ];
    static readonly RecordOperation[] Operations =
    [
        PermitApplicationOperations.Read, PermitApplicationOperations.Submit, PermitApplicationOperations.Decide,
        PermitApplicationOperations.Withdraw, PermitApplicationOperations.Assess,
        PermitApplicationOperations.Converse,
    ];

    [Theory]
    [InlineData(Roles.Administrator, null, null, "read submit decide withdraw assess converse")]
    [InlineData(Roles.Officer, "KZ-35", null, "read submit decide assess converse")]
    [InlineData(Roles.Officer, "KZ-71", null, "")]
    [InlineData(Roles.Officer, null, null, "")]
    [InlineData(Roles.Inspector, "KZ-35", null, "read")]
    [InlineData(Roles.Inspector, "KZ-71", null, "")]
    [InlineData(Roles.Employer, null, Own, "read submit withdraw converse")]
    [InlineData(Roles.Employer, null, Other, "")]
    [InlineData(Roles.Employer, null, null, "")]
    [InlineData(Roles.Analyst, null, null, "")]
    [InlineData(Roles.Auditor, null, null, "")]
    [InlineData(Roles.Migrant, null, null, "")]
    [InlineData(Roles.HouseholdEmployer, null, null, "")]
    [InlineData(Roles.Applicant, null, null, "")]
    [InlineData(Roles.IntegrationClient, "KZ-35", Own, "")]
    public Task An_actor_may_take_the_operations_of_its_row(string role, string? region, string? bin, string allowed) =>
        AccessTable.AssertAsync(new PermitApplicationAccess(), Operations, AccessTable.ActorOf(role, region, bin), Case, Others, allowed);

    [Theory]
    [InlineData(CaseActionType.Approve, "decide")]
    [InlineData(CaseActionType.Reject, "decide")]
    [InlineData(CaseActionType.Withdraw, "withdraw")]
    [InlineData(CaseActionType.PayFee, null)] // paid by the payment gateway's event, by nobody's hand
    [InlineData(CaseActionType.Submit, null)]
    public void Each_case_action_is_one_operation(string action, string? operation) =>
        PermitApplicationOperations.Of(action)?.Name.ShouldBe(operation);
}
