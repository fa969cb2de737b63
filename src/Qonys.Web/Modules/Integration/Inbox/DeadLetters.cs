using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Qonys.Web.Modules.Integration.Inbox;

/// <summary>An inbound event as the inbox answers it (API and the administrator's page).</summary>
internal sealed record InboxEntryResponse(Guid EventId, string Type, string Source, DateTime OccurredAt, DateTime ReceivedAt,
    string Outcome, string? Reason, int Attempts, DateTime? AppliedAt, DateTime? ReplayedAt, int Duplicates, JsonElement Payload);

/// <summary>
/// The inbox as administrators read it: one event by id, the dead-letter list (events that could not be applied, oldest
/// first), and the replay of a dead-lettered event once what it needed is there. A replay is a conditional update of
/// the event's outcome (only a dead-lettered event can be taken, so two administrators replaying at once get one
/// replay and one 409), then the type's handler in the same transaction; it is audited whatever it comes to.
/// </summary>
internal sealed class DeadLetters(AppDb db, InboundRoutes routes, InboundEventIntake intake, IServiceProvider services, AuditLog audit, TimeProvider clock)
{
    const string Replaying = "replaying";

    public async Task<UseCaseResult<InboxEntryResponse>> GetAsync(Actor actor, Guid eventId, CancellationToken ct)
    {
        var id = eventId.ToString("D");
        var entry = await db.Set<InboxEntry>().AsNoTracking().FirstOrDefaultAsync(e => e.EventId == id, ct);
        if (entry is null) return UseCaseResult<InboxEntryResponse>.NotFound();
        await audit.RecordNowAsync(actor, IntegrationAuditEvents.InboxRead, "inbound_event", id, ct: ct);
        return UseCaseResult<InboxEntryResponse>.Ok(ToResponse(entry));
    }

    public async Task<UseCaseResult<PagedList<InboxEntryResponse>>> ListAsync(Actor actor, string? type, int? page, int? pageSize, CancellationToken ct)
    {
        if (type is not null && routes.Find(type) is null)
            return UseCaseResult<PagedList<InboxEntryResponse>>.Invalid("type", "is not a known event type; one of: " + string.Join(", ", routes.Names));
        var (p, size) = Paging.Normalise(page, pageSize);
        var query = db.Set<InboxEntry>().AsNoTracking().Where(e => e.Outcome == InboxOutcome.DeadLettered);
        if (type is not null) query = query.Where(e => e.Type == type);
        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(e => e.ReceivedAt).ThenBy(e => e.EventId).Skip((p - 1) * size).Take(size).ToListAsync(ct);
        await audit.RecordNowAsync(actor, IntegrationAuditEvents.InboxRead, "dead_letters", type, new { count = items.Count }, ct);
        return UseCaseResult<PagedList<InboxEntryResponse>>.Ok(new PagedList<InboxEntryResponse>(items.Select(ToResponse).ToList(), total, p, size));
    }

    public async Task<UseCaseResult<InboxEntryResponse>> ReplayAsync(Actor actor, Guid eventId, CancellationToken ct)
    {
        var id = eventId.ToString("D");
        var entry = await db.Set<InboxEntry>().AsNoTracking().FirstOrDefaultAsync(e => e.EventId == id, ct);
        if (entry is null) return UseCaseResult<InboxEntryResponse>.NotFound();
        if (entry.Outcome != InboxOutcome.DeadLettered)
            return UseCaseResult<InboxEntryResponse>.Conflict($"The event is {entry.Outcome.Replace('_', ' ')}, not dead-lettered: there is nothing to replay.");
        var route = routes.Find(entry.Type);
        if (route is null) return UseCaseResult<InboxEntryResponse>.Conflict($"No handler is registered for {entry.Type} events any more.");
        using var payloadJson = JsonDocument.Parse(entry.Payload);
        var (payload, errors) = await route.ReadAsync(services, payloadJson.RootElement, ct);
        if (errors.Any) return UseCaseResult<InboxEntryResponse>.Conflict("The stored payload no longer passes its type's validation: " +
            string.Join("; ", errors.ToDictionary().Select(e => e.Key + " " + string.Join(", ", e.Value))));

        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var taken = await db.Set<InboxEntry>().Where(e => e.EventId == id && e.Outcome == InboxOutcome.DeadLettered)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Outcome, Replaying).SetProperty(e => e.Attempts, e => e.Attempts + 1)
                .SetProperty(e => e.ReplayedBy, actor.UserId).SetProperty(e => e.ReplayedAt, now), ct);
        if (taken != 1) return UseCaseResult<InboxEntryResponse>.Conflict("Someone else is replaying or has replayed this event; reload it.");
        var outcome = await intake.ApplyAsync(tx, route, entry, payload!, actor, ct);
        audit.Record(actor, IntegrationAuditEvents.EventReplayed, "inbound_event", id,
            new { type = entry.Type, outcome = outcome.Applied ? InboxOutcome.Applied : InboxOutcome.DeadLettered, reason = outcome.Reason });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return await GetAsync(actor, eventId, ct);
    }

    static InboxEntryResponse ToResponse(InboxEntry e)
    {
        using var payload = JsonDocument.Parse(e.Payload);
        return new InboxEntryResponse(Guid.Parse(e.EventId), e.Type, e.Source, e.OccurredAt, e.ReceivedAt, e.Outcome, e.Reason, e.Attempts,
            e.AppliedAt, e.ReplayedAt, e.Duplicates, payload.RootElement.Clone());
    }
}
