using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Qonys.Web.Platform.Audit;

/// <summary>
/// Seals the audit entries a unit of work added into their hash chains when it is saved, in the same transaction as the
/// change they describe (<see cref="AuditChain"/>): the business rows are written first, then each chain's head is
/// locked and read, and the entries are linked and written. A save without audit entries passes through untouched.
/// Synchronous saves cannot take the chain locks and are refused when they carry audit entries.
/// </summary>
internal sealed class AuditSealing : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        eventData.Context is { } db && Unsealed(db).Count > 0
            ? throw new NotSupportedException("Use SaveChangesAsync: audit sealing is asynchronous.")
            : result;

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (result.HasResult || eventData.Context is not AppDb db) return result;
        var pending = Unsealed(db);
        if (pending.Count == 0) return result;
        // The two saves inside find no unsealed entry (detached, then sealed), so they pass through this interceptor.
        return InterceptionResult<int>.SuppressWithResult(await AuditChain.SaveSealedAsync(db, pending, cancellationToken));
    }

    /// <summary>Entries added in this unit of work and not yet linked into a chain.</summary>
    static List<AuditEntry> Unsealed(DbContext db) =>
        db.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added && e.Entity.Hash.Length == 0).Select(e => e.Entity).ToList();
}
