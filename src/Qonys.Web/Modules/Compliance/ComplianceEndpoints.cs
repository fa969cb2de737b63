using Microsoft.AspNetCore.Http.HttpResults;
using Qonys.Web.Modules.Compliance.EmploymentContracts;
using Qonys.Web.Modules.Compliance.Overstays;
using Qonys.Web.Platform.OpenApi;
using static Qonys.Web.Modules.Compliance.ComplianceModule;

namespace Qonys.Web.Modules.Compliance;

/// <summary>The compliance API (docs/api.md "Compliance"): the employment-contract register and the overstaying workers.</summary>
internal static class ComplianceEndpoints
{
    public static void MapComplianceApi(this IEndpointRouteBuilder app)
    {
        const string tag = "Compliance";
        app.MapGet("/api/v1/employment-contracts", ListContracts).WithName("ListEmploymentContracts")
            .RequireAuthorization(ContractsRead)
            .WithTag(tag, "The inspection's registers: employment contracts, overstaying foreign workers.")
            .WithSummary("Employment contracts as the state register reported them, newest start first (inspectors: " +
                         "contracts worked in their region).");
        app.MapGet("/api/v1/compliance/overstays", ListOverstays).WithName("ListOverstays")
            .RequireAuthorization(OverstaysRead).WithTags(tag)
            .WithSummary("Foreign workers still in the country after their last permit ended and the exit period passed " +
                         "(inspectors: their region), most days first.");
    }

    static async Task<Results<Ok<PagedList<EmploymentContractResponse>>, ValidationProblem>> ListContracts(
        string? employerBin, int? page, int? pageSize, Actor actor, EmploymentContractList contracts, CancellationToken ct) =>
        (await contracts.ListAsync(actor, employerBin, page, pageSize, ct)).ToOk(Refusals.Invalid);

    static async Task<Results<Ok<PagedList<OverstayResponse>>, ValidationProblem, ForbiddenProblem>> ListOverstays(
        string? regionCode, int? page, int? pageSize, Actor actor, OverstayList overstays, CancellationToken ct) =>
        (await overstays.ListAsync(actor, regionCode, page, pageSize, ct)).ToOk(Refusals.Invalid, Refusals.Forbidden);
}
