using Microsoft.EntityFrameworkCore;
using Qonys.Web.Modules.Registry.Domain;

namespace Qonys.Web.Platform.Ui;

/// <summary>The landing figures of each role, counted from the database within the role's scope.</summary>
public sealed class Dashboard(AppDb db)
{
    public sealed record Tile(string LabelKey, string Value, string? Href = null);

    public async Task<IReadOnlyList<Tile>> TilesAsync(Actor actor, CancellationToken ct)
    {
        var employers = db.Set<Employer>().AsNoTracking();
        switch (actor.Role)
        {
            case Roles.Administrator:
                return
                [
                    new("tile.users", N(await db.Set<AppUser>().CountAsync(ct))),
                    new("tile.employers", N(await employers.CountAsync(ct))),
                    new("tile.rule_values", N(await db.Set<RuleValue>().CountAsync(ct))),
                    new("tile.rule_values_unconfirmed", N(await db.Set<RuleValue>().CountAsync(r => r.Unconfirmed, ct))),
                    new("tile.fee_rates_unconfirmed", N(await db.Set<PermitFeeRate>().CountAsync(r => r.Unconfirmed, ct))),
                ];
            case Roles.Analyst:
                return
                [
                    new("tile.employers", N(await employers.CountAsync(ct))),
                    new("tile.foreign_staff", N(await employers.SumAsync(e => e.Foreigners.Cat1 + e.Foreigners.Cat2 + e.Foreigners.Cat3 + e.Foreigners.Cat4, ct))),
                    new("tile.regions", N(await db.Set<Region>().CountAsync(ct))),
                ];
            case Roles.Auditor:
                var last = await db.Set<AuditEntry>().MaxAsync(e => (DateTime?)e.At, ct);
                return
                [
                    new("tile.audit_entries", N(await db.Set<AuditEntry>().CountAsync(ct)), "/audit"),
                    new("tile.audit_denied", N(await db.Set<AuditEntry>().CountAsync(e => e.Kind == nameof(AuditKind.AccessDenied), ct)), "/audit"),
                    new("tile.audit_last", last?.ToString("yyyy-MM-dd HH:mm") ?? "—"),
                ];
            case Roles.Officer or Roles.Inspector:
                var regional = employers.Where(e => e.RegionCode == actor.RegionCode);
                return
                [
                    new("tile.region_employers", N(await regional.CountAsync(ct))),
                    new("tile.region_foreign_staff", N(await regional.SumAsync(e => e.Foreigners.Cat1 + e.Foreigners.Cat2 + e.Foreigners.Cat3 + e.Foreigners.Cat4, ct))),
                ];
            case Roles.Employer:
                var own = await employers.FirstOrDefaultAsync(e => e.Bin == actor.EmployerBin, ct);
                return own is null
                    ? [new Tile("tile.no_employer", "—")]
                    :
                    [
                        new("tile.organisation", own.Name),
                        new("tile.citizen_staff", N(own.Citizens.Total)),
                        new("tile.foreign_staff", N(own.Foreigners.Total)),
                    ];
            default:
                return [new("tile.unread", N(await db.Set<Notifications.Notification>().CountAsync(
                    n => n.UserId == actor.UserId && n.Channel == Notifications.NotificationChannels.InApp && n.ReadAt == null &&
                         n.Status == Notifications.NotificationStatus.Delivered, ct)), "/notifications")];
        }
    }

    static string N(long n) => n.ToString("N0", System.Globalization.CultureInfo.InvariantCulture).Replace(",", " ", StringComparison.Ordinal);
}
