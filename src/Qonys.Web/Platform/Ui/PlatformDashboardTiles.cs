using Microsoft.EntityFrameworkCore;

namespace Qonys.Web.Platform.Ui;

/// <summary>The platform's own landing figures: accounts and rule values (administrator), regions (analyst), the audit log (auditor).</summary>
internal sealed class PlatformDashboardTiles(AppDb db) : IDashboardTiles
{
    public async Task<IReadOnlyList<DashboardTile>> TilesAsync(Actor actor, CancellationToken ct)
    {
        switch (actor.Role)
        {
            case Roles.Administrator:
                return
                [
                    new("tile.users", DashboardTile.Count(await db.Set<AppUser>().CountAsync(ct)), 10),
                    new("tile.rule_values", DashboardTile.Count(await db.Set<RuleValue>().CountAsync(ct)), 30),
                    new("tile.rule_values_unconfirmed", DashboardTile.Count(await db.Set<RuleValue>().CountAsync(r => r.Unconfirmed, ct)), 40),
                    new("tile.fee_rates_unconfirmed", DashboardTile.Count(await db.Set<PermitFeeRate>().CountAsync(r => r.Unconfirmed, ct)), 50),
                ];
            case Roles.Analyst:
                return [new("tile.regions", DashboardTile.Count(await db.Set<Region>().CountAsync(ct)), 30)];
            case Roles.Auditor:
                var last = await db.Set<AuditEntry>().MaxAsync(e => (DateTime?)e.At, ct);
                return
                [
                    new("tile.audit_entries", DashboardTile.Count(await db.Set<AuditEntry>().CountAsync(ct)), 10, "/audit"),
                    new("tile.audit_denied", DashboardTile.Count(await db.Set<AuditEntry>().CountAsync(e => e.Kind == nameof(AuditKind.AccessDenied), ct)), 20,
                        "/audit"),
                    new("tile.audit_last", last?.ToString("yyyy-MM-dd HH:mm") ?? "—", 30),
                ];
            default:
                return [];
        }
    }
}
