namespace Qonys.Web.Platform.Ui;

/// <summary>A module's (or the platform's) figures for the landing page, counted within the actor's scope.</summary>
internal interface IDashboardTiles
{
    /// <summary>The tiles this contributor shows the actor; none when it has nothing for the actor's role.</summary>
    Task<IReadOnlyList<DashboardTile>> TilesAsync(Actor actor, CancellationToken ct);
}
