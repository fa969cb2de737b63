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
        if (!result.HasResult && eventData.Context is { } db && Unnumbered(db) is { Count: > 0 } groups)
            Number(groups, LastNumbers(db, groups).ToList());
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (!result.HasResult && eventData.Context is { } db && Unnumbered(db) is { Count: > 0 } groups)
            Number(groups, await LastNumbers(db, groups).ToListAsync(cancellationToken));
        return result;
    }

    /// <summary>The highest committed number of each subject, in one query for the whole save (one more round trip, not one per subject).</summary>
    static IQueryable<LastNumber> LastNumbers(DbContext db, Dictionary<(string Aggregate, string Subject), List<OutboxMessage>> groups)
    {
        var subjects = groups.Keys.Select(k => k.Subject).Distinct().ToList();
        return db.Set<OutboxMessage>().Where(m => subjects.Contains(m.Subject))
            .GroupBy(m => new { m.Aggregate, m.Subject })
            .Select(g => new LastNumber(g.Key.Aggregate, g.Key.Subject, g.Max(m => m.Sequence)));
    }

    static void Number(Dictionary<(string Aggregate, string Subject), List<OutboxMessage>> groups, List<LastNumber> last)
    {
        foreach (var ((aggregate, subject), rows) in groups)
        {
            var next = (last.FirstOrDefault(l => l.Aggregate == aggregate && l.Subject == subject)?.Sequence ?? 0) + 1;
            foreach (var row in rows) row.Sequence = next++;
        }
    }

    sealed record LastNumber(string Aggregate, string Subject, long Sequence);

    /// <summary>Rows added and not yet numbered, by aggregate and subject, in the order they were added.</summary>
    static Dictionary<(string Aggregate, string Subject), List<OutboxMessage>> Unnumbered(DbContext db) =>
        db.ChangeTracker.Entries<OutboxMessage>().Where(e => e.State == EntityState.Added && e.Entity.Sequence == 0)
            .Select(e => e.Entity).GroupBy(m => (m.Aggregate, m.Subject)).ToDictionary(g => g.Key, g => g.ToList());
}
