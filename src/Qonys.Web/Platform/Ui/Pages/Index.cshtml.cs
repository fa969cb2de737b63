using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Qonys.Web.Platform.Ui.Pages;

internal sealed class IndexModel(Dashboard dashboard) : PageModel
{
    public Actor? Actor { get; private set; }
    public IReadOnlyList<DashboardTile> Tiles { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated != true) return;
        Actor = Auth.Actor.From(User);
        Tiles = await dashboard.TilesAsync(Actor, ct);
    }
}
