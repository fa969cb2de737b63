using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Qonys.Web.Platform.Outbox;

/// <summary>
/// Publishes the oldest unpublished outbox rows in outbox order, each confirmed by the broker before the next, and marks
/// the confirmed ones published. The first refusal stops the batch, so no event overtakes an earlier one of its aggregate;
/// a crash between the confirm and the mark publishes the event again (at least once: consumers de-duplicate by id).
/// </summary>
internal sealed class OutboxPublishing(AppDb db, IOutboxBroker broker, TimeProvider clock, IOptions<OutboxOptions> options)
{
    /// <summary>Publishes one batch; how many were published (0: the outbox is empty). Throws the broker's failure after marking what went out.</summary>
    public async Task<int> PublishBatchAsync(CancellationToken ct)
    {
        var o = options.Value;
        var batch = await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.PublishedAt == null)
            .OrderBy(m => m.Position).Take(Math.Max(1, o.BatchSize)).ToListAsync(ct);
        var published = new List<long>(batch.Count);
        try
        {
            foreach (var m in batch)
            {
                await broker.PublishAsync(OutboxEnvelope.Of(m, o.Source), ct);
                published.Add(m.Position);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await MarkPublishedAsync(published);
            var failed = batch[published.Count].Position;
            var error = e.Message.Length > 500 ? e.Message[..500] : e.Message;
            await db.Set<OutboxMessage>().Where(m => m.Position == failed)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Attempts, m => m.Attempts + 1).SetProperty(m => m.LastError, error), CancellationToken.None);
            throw;
        }
        await MarkPublishedAsync(published);
        return published.Count;
    }

    /// <summary>Marks confirmed rows, also when the run is being cancelled: the broker has them.</summary>
    async Task MarkPublishedAsync(List<long> positions)
    {
        if (positions.Count == 0) return;
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Set<OutboxMessage>().Where(m => positions.Contains(m.Position))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.PublishedAt, now).SetProperty(m => m.Attempts, m => m.Attempts + 1)
                .SetProperty(m => m.LastError, (string?)null), CancellationToken.None);
    }
}
