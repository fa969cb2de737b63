using Microsoft.EntityFrameworkCore;
using Qonys.Web.Modules.Registry.Domain;

namespace Qonys.Web.Modules.Registry;

/// <summary>The register's landing figures: employers and their staff, nationally, in the actor's region, or the actor's own.</summary>
internal sealed class RegistryDashboardTiles(AppDb db) : IDashboardTiles
{
    public async Task<IReadOnlyList<DashboardTile>> TilesAsync(Actor actor, CancellationToken ct)
    {
        var employers = db.Set<Employer>().AsNoTracking();
        switch (actor.Role)
        {
            case Roles.Administrator:
                return [new("tile.employers", DashboardTile.Count(await employers.CountAsync(ct)), 20)];
            case Roles.Analyst:
                return
                [
                    new("tile.employers", DashboardTile.Count(await employers.CountAsync(ct)), 10),
                    new("tile.foreign_staff", DashboardTile.Count(await employers.SumAsync(
                        e => e.Foreigners.Cat1 + e.Foreigners.Cat2 + e.Foreigners.Cat3 + e.Foreigners.Cat4, ct)), 20),
                ];
            case Roles.Officer or Roles.Inspector:
                var regional = employers.Where(e => e.RegionCode == actor.RegionCode);
                return
                [
                    new("tile.region_employers", DashboardTile.Count(await regional.CountAsync(ct)), 10),
                    new("tile.region_foreign_staff", DashboardTile.Count(await regional.SumAsync(
                        e => e.Foreigners.Cat1 + e.Foreigners.Cat2 + e.Foreigners.Cat3 + e.Foreigners.Cat4, ct)), 20),
                ];
            case Roles.Employer:
                var own = await employers.FirstOrDefaultAsync(e => e.Bin == actor.EmployerBin, ct);
                return own is null
                    ? [new("tile.no_employer", "—", 10)]
                    :
                    [
                        new("tile.organisation", own.Name, 10),
                        new("tile.citizen_staff", DashboardTile.Count(own.Citizens.Total), 20),
                        new("tile.foreign_staff", DashboardTile.Count(own.Foreigners.Total), 30),
                    ];
            default:
                return [];
        }
    }
}
