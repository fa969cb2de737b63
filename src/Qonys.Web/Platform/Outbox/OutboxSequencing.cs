using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Qonys.Web.Platform.Outbox;

/// <summary>
/// Numbers the outbox rows a unit of work adds, per aggregate and subject, following the last number committed. The
/// decisions that emit events change their aggregate's row first (the conditional update that guards them), so on
/// PostgreSQL a second decision on the same aggregate waits for the first to commit and then reads its number; should
/// two ever race, the unique index on (aggregate, subject, sequence) refuses the second save as a concurrent change.
/// </summary>
internal sealed class OutboxSequencing : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (!result.HasResult && eventData.Context is { } db)
            foreach (var (group, rows) in Unnumbered(db))
                Number(rows, db.Set<OutboxMessage>().Where(m => m.Aggregate == group.Aggregate && m.Subject == group.Subject).Max(m => (long?)m.Sequence));
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (!result.HasResult && eventData.Context is { } db)
            foreach (var (group, rows) in Unnumbered(db))
                Number(rows, await db.Set<OutboxMessage>().Where(m => m.Aggregate == group.Aggregate && m.Subject == group.Subject)
                    .MaxAsync(m => (long?)m.Sequence, cancellationToken));
        return result;
    }

    static void Number(List<OutboxMessage> rows, long? last)
    {
        var next = (last ?? 0) + 1;
        foreach (var row in rows) row.Sequence = next++;
    }

    /// <summary>Rows added and not yet numbered, by aggregate and subject, in the order they were added.</summary>
    static List<((string Aggregate, string Subject) Group, List<OutboxMessage> Rows)> Unnumbered(DbContext db) =>
        db.ChangeTracker.Entries<OutboxMessage>().Where(e => e.State == EntityState.Added && e.Entity.Sequence == 0)
            .Select(e => e.Entity).GroupBy(m => (m.Aggregate, m.Subject)).Select(g => (g.Key, g.ToList())).ToList();
}
