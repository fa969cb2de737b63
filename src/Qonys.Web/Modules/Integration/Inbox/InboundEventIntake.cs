using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qonys.Web.Modules.Integration.Contracts;

namespace Qonys.Web.Modules.Integration.Inbox;

/// <summary>
/// <c>POST /api/v1/integration/events</c>: validates the envelope and the type's payload, then claims the event id and
/// applies the event in one transaction. The claim is an insert into the inbox that does nothing when the id is already
/// there (ON CONFLICT DO NOTHING on the primary key): of any number of copies arriving at once, on one node or several
/// sharing the database, exactly one inserts and applies; on PostgreSQL the others wait for its commit and then find
/// the row, on SQLite the single writer orders them. An event the handler cannot apply is kept as dead-lettered with
/// the handler's reason (its writes rolled back to a savepoint), so nothing of it is applied by halves.
/// </summary>
internal sealed class InboundEventIntake(AppDb db, InboundRoutes routes, IServiceProvider services, AuditLog audit, TimeProvider clock) : IInboundEvents
{
    public async Task<UseCaseResult<InboundReceipt>> ReceiveAsync(Actor actor, InboundEventRequest request, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (request.EventId is not { } eventId || eventId == Guid.Empty) errors.Add("eventId", "is required: a UUID the sender gives each event");
        InboundRoute? route = null;
        if (string.IsNullOrWhiteSpace(request.Type)) errors.Add("type", "is required");
        else if ((route = routes.Find(request.Type)) is null) errors.Add("type", "is not a known event type; one of: " + string.Join(", ", routes.Names));
        if (request.OccurredAt is null) errors.Add("occurredAt", "is required (ISO 8601)");
        if (string.IsNullOrWhiteSpace(request.Source)) errors.Add("source", "is required: the sending system");
        else if (request.Source.Length > 100) errors.Add("source", "must be at most 100 characters");
        if (request.Payload is null) errors.Add("payload", "is required");
        if (errors.Any) return UseCaseResult<InboundReceipt>.Invalid(errors);
        if (!InboundEventAccess.MaySend(actor, route!.Type.Name))
            return UseCaseResult<InboundReceipt>.Forbidden($"This client may not send {route.Type.Name} events.");

        var (payload, payloadErrors) = await route.ReadAsync(services, request.Payload!.Value, ct);
        if (payloadErrors.Any) return UseCaseResult<InboundReceipt>.Invalid(payloadErrors);

        var now = clock.GetUtcNow().UtcDateTime;
        var entry = new InboxEntry
        {
            EventId = request.EventId!.Value.ToString("D"), Type = route.Type.Name, Source = request.Source!.Trim(),
            OccurredAt = request.OccurredAt!.Value.UtcDateTime, ReceivedAt = now, SenderId = actor.UserId == Guid.Empty ? null : actor.UserId,
            Payload = request.Payload.Value.GetRawText(), Attempts = 1,
        };

        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            if (await ClaimAsync(entry, ct))
            {
                var outcome = await ApplyAsync(tx, route, entry, payload!, actor, ct);
                await tx.CommitAsync(ct);
                return UseCaseResult<InboundReceipt>.Created(Receipt(entry.EventId, InboundReceipt.Accepted, outcome));
            }
        }
        return UseCaseResult<InboundReceipt>.Ok(await DuplicateAsync(entry.EventId, now, ct));
    }

    /// <summary>
    /// Runs the handler behind a savepoint and records the outcome: applied (audited), or dead-lettered with the reason
    /// (the handler's writes undone, the inbox row kept). The caller commits.
    /// </summary>
    internal async Task<InboundOutcome> ApplyAsync(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction tx, InboundRoute route,
        InboxEntry entry, object payload, Actor actor, CancellationToken ct)
    {
        const string savepoint = "apply_event";
        await tx.CreateSavepointAsync(savepoint, ct);
        var outcome = await route.ApplyAsync(services, entry, payload, actor, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (outcome.Applied)
        {
            // The handler's changes and its audit entry first: a unit of work seals one pending audit entry.
            await db.SaveChangesAsync(ct);
            audit.Record(actor, IntegrationAuditEvents.EventApplied, "inbound_event", entry.EventId, new { type = entry.Type, source = entry.Source, outcome = InboxOutcome.Applied });
            await db.SaveChangesAsync(ct);
            await db.Set<InboxEntry>().Where(e => e.EventId == entry.EventId).ExecuteUpdateAsync(s => s
                .SetProperty(e => e.Outcome, InboxOutcome.Applied).SetProperty(e => e.Reason, (string?)null)
                .SetProperty(e => e.AppliedAt, now), ct);
            return outcome;
        }
        await tx.RollbackToSavepointAsync(savepoint, ct);
        db.ChangeTracker.Clear();
        var reason = Truncate(outcome.Reason ?? "the handler could not apply the event");
        await db.Set<InboxEntry>().Where(e => e.EventId == entry.EventId).ExecuteUpdateAsync(s => s
            .SetProperty(e => e.Outcome, InboxOutcome.DeadLettered).SetProperty(e => e.Reason, reason), ct);
        audit.Record(actor, IntegrationAuditEvents.EventDeadLettered, "inbound_event", entry.EventId, new { type = entry.Type, source = entry.Source, outcome = InboxOutcome.DeadLettered, reason });
        await db.SaveChangesAsync(ct);
        return InboundOutcome.DeadLetter(reason);
    }

    /// <summary>True when this request inserted the event's row; false when the id was already in the inbox.</summary>
    async Task<bool> ClaimAsync(InboxEntry e, CancellationToken ct)
    {
        // SQLite keeps EF Core's Guids as upper-case text; PostgreSQL has a uuid type.
        object? sender = e.SenderId is { } id ? (db.IsPostgres ? id : id.ToString().ToUpperInvariant()) : null;
        var inserted = await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "integration_inbox" ("event_id", "type", "source", "occurred_at", "received_at", "sender_id", "payload", "outcome", "attempts", "duplicates")
            VALUES ({e.EventId}, {e.Type}, {e.Source}, {e.OccurredAt}, {e.ReceivedAt}, {sender}, {e.Payload}, {InboxOutcome.Applied}, {1}, {0})
            ON CONFLICT ("event_id") DO NOTHING
            """, ct);
        return inserted == 1;
    }

    async Task<InboundReceipt> DuplicateAsync(string eventId, DateTime now, CancellationToken ct)
    {
        await db.Set<InboxEntry>().Where(e => e.EventId == eventId).ExecuteUpdateAsync(s => s
            .SetProperty(e => e.Duplicates, e => e.Duplicates + 1).SetProperty(e => e.LastDuplicateAt, now), ct);
        var first = await db.Set<InboxEntry>().AsNoTracking().Where(e => e.EventId == eventId)
            .Select(e => new { e.Outcome, e.Reason }).FirstAsync(ct);
        return new InboundReceipt(Guid.Parse(eventId), InboundReceipt.Duplicate, first.Outcome, first.Reason);
    }

    static InboundReceipt Receipt(string eventId, string status, InboundOutcome outcome) =>
        new(Guid.Parse(eventId), status, outcome.Applied ? InboxOutcome.Applied : InboxOutcome.DeadLettered, outcome.Reason);

    static string Truncate(string reason) => reason.Length > 500 ? reason[..500] : reason;
}
