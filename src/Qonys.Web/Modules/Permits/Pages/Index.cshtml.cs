using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Qonys.Web.Modules.Permits.Queue;
using Qonys.Web.Modules.Permits.ViewPermits;

namespace Qonys.Web.Modules.Permits.Pages;

/// <summary>The applications and permits within the caller's scope: an employer's own, an officer's region's, all for administrators.</summary>
[Authorize(Policy = PermitsModule.ApplicationsRead)]
internal sealed class IndexModel(WorkQueue queue, PermitQueries permits) : SignedInPageModel
{
    public const int PermitsShown = 200;
    public IReadOnlyList<CaseSummary> Applications { get; private set; } = [];
    public IReadOnlyList<PermitResponse> Permits { get; private set; } = [];
    public int PermitsTotal { get; private set; }
    public bool CanApply { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var applications = await queue.RecentAsync(Actor, ct);
        if (!applications.Succeeded) return Forbid();
        Applications = applications.Value!;
        var page = await permits.ListAsync(Actor, null, 1, PermitsShown, ct);
        Permits = page.Value!.Items;
        PermitsTotal = page.Value.Total;
        CanApply = Actor.Can(PermitsModule.ApplicationsSubmit);
        return Page();
    }
}
