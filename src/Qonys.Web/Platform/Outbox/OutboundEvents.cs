using System.Text.Json;

namespace Qonys.Web.Platform.Outbox;

/// <summary>
/// Use cases call this inside their unit of work, one line per event: <c>events.Emit(new PermitRevokedV1(...))</c>. The
/// event becomes an outbox row of the same <see cref="AppDb"/> unit of work, so it is committed with the decision it reports
/// or not at all; its per-aggregate sequence is given when the unit of work is saved (<see cref="OutboxSequencing"/>).
/// </summary>
internal sealed class OutboundEvents(AppDb db, OutboundEventCatalog catalog, TimeProvider clock)
{
    public void Emit<TEvent>(TEvent data) where TEvent : IOutboundEvent
    {
        var type = catalog.Of(typeof(TEvent));
        db.Add(new OutboxMessage
        {
            Id = Guid.CreateVersion7(), Type = type.Type, Aggregate = type.Aggregate, Subject = data.Subject,
            OccurredAt = clock.GetUtcNow().UtcDateTime, Data = JsonSerializer.Serialize(data, OutboundEventCatalog.Json),
        });
    }
}
