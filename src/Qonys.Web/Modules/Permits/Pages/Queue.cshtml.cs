using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Qonys.Web.Modules.Permits.Queue;
using Qonys.Web.Modules.Permits.SubmitApplication;

namespace Qonys.Web.Modules.Permits.Pages;

/// <summary>
/// The officer's queue of applications waiting for a decision: the API's work queue (<see cref="WorkQueue"/>), so the
/// same cases in the same order with the same overdue flag; administrators see every region and may filter.
/// </summary>
[Authorize(Policy = PermitsModule.ApplicationsDecide)]
internal sealed class QueueModel(WorkQueue queue, ApplicationFormChoices choices) : SignedInPageModel
{
    [FromQuery(Name = "region")] public string? Region { get; set; }
    public IReadOnlyList<CaseSummary> Cases { get; private set; } = [];
    public IReadOnlyList<Choice> Regions { get; private set; } = [];
    public bool AllRegions { get; private set; }
    public string? OwnRegion { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = await queue.WaitingAsync(Actor, string.IsNullOrWhiteSpace(Region) ? null : Region, ct);
        if (result.Outcome == Outcome.Invalid) return BadRequest();
        if (!result.Succeeded) return Forbid();
        Cases = result.Value!;
        AllRegions = Actor.Role == Roles.Administrator;
        OwnRegion = Actor.RegionCode;
        if (AllRegions) Regions = await choices.RegionsAsync(ct);
        return Page();
    }
}
