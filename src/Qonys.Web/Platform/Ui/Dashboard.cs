using Microsoft.EntityFrameworkCore;

namespace Qonys.Web.Platform.Ui;

/// <summary>
/// The landing figures of each role: the tiles every contributor (the platform's <see cref="PlatformDashboardTiles"/>, the
/// modules' <see cref="UiSetup.AddDashboardTiles{T}"/>) shows the actor, in their places; a role that no contributor
/// has figures for sees its unread notifications.
/// </summary>
internal sealed class Dashboard(IEnumerable<IDashboardTiles> contributors, AppDb db)
{
    public async Task<IReadOnlyList<DashboardTile>> TilesAsync(Actor actor, CancellationToken ct)
    {
        var tiles = new List<DashboardTile>();
        // One after the other: the contributors share the request's unit of work.
        foreach (var contributor in contributors) tiles.AddRange(await contributor.TilesAsync(actor, ct));
        return tiles.Count > 0 ? [.. tiles.OrderBy(t => t.Place)] : [await UnreadAsync(actor, ct)];
    }

    async Task<DashboardTile> UnreadAsync(Actor actor, CancellationToken ct) =>
        new("tile.unread", DashboardTile.Count(await db.Set<Notification>().CountAsync(
            n => n.UserId == actor.UserId && n.Channel == NotificationChannels.InApp && n.ReadAt == null &&
                 n.Status == NotificationStatus.Delivered, ct)), 10, "/notifications");
}
