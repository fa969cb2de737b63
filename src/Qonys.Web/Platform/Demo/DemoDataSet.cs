using Microsoft.EntityFrameworkCore;
using Qonys.Web.Modules.Registry.Domain;
using Qonys.Web.Platform.Audit;
using Qonys.Web.Platform.Auth;
using Qonys.Web.Platform.Data;

namespace Qonys.Web.Platform.Demo;

/// <summary>Loads the synthetic demo data set on first start in demo mode (an empty employer table).</summary>
public sealed class DemoDataSet(AppDb db, AuditLog audit, TimeProvider clock)
{
    public async Task EnsureLoadedAsync(CancellationToken ct)
    {
        if (await db.Set<Employer>().AnyAsync(ct)) return;
        var now = clock.GetUtcNow().UtcDateTime;
        db.Add(new Employer
        {
            Bin = DemoAccounts.DemoEmployerBin, Name = "TOO Qaragandy Qurylys (demo)", RegionCode = "KZ-35", OkedSection = "F",
            Citizens = new StaffCounts { Cat1 = 3, Cat2 = 12, Cat3 = 85, Cat4 = 240 },
            Foreigners = new StaffCounts { Cat1 = 0, Cat2 = 1, Cat3 = 4, Cat4 = 6 },
            CreatedAt = now, UpdatedAt = now,
        });
        audit.Record(Actor.System, PlatformAuditEvents.DemoDataLoaded, null, null, new { employers = 1 });
        await db.SaveChangesAsync(ct);
    }

    public Task<long> LoadScaledAsync(int scale, CancellationToken ct) => throw new NotSupportedException("scaled loading arrives with the demo generator");
}
