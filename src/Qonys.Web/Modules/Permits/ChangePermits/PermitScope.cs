using Microsoft.EntityFrameworkCore;
using Qonys.Web.Modules.Permits.Access;
using Qonys.Web.Modules.Permits.Domain;

namespace Qonys.Web.Modules.Permits.ChangePermits;

/// <summary>
/// Loads a permit and its case within the caller's reach (<see cref="PermitAccess"/>): out of reach is "not found", and
/// audited.
/// </summary>
internal sealed class PermitScope(AppDb db, PermitAccess access, AuditLog audit)
{
    public async Task<Permit?> PermitAsync(Actor actor, string number, CancellationToken ct)
    {
        var permit = await db.Set<Permit>().AsNoTracking().FirstOrDefaultAsync(p => p.Number == number, ct);
        if (permit is null) return null;
        if (access.Allows(actor, PermitOperations.Read, permit)) return permit;
        await audit.RecordNowAsync(actor, PlatformAuditEvents.RecordOutOfScope, "permit", number, ct: ct);
        return null;
    }

    /// <summary>The permit's case with its history and workers, tracked, to append history entries.</summary>
    public Task<PermitApplication> CaseAsync(Guid applicationId, CancellationToken ct) =>
        db.Set<PermitApplication>().Include(a => a.History).Include(a => a.Workers).AsSplitQuery().FirstAsync(a => a.Id == applicationId, ct);
}
