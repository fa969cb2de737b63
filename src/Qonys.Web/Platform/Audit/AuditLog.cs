using System.Text.Json;

namespace Qonys.Web.Platform.Audit;

/// <summary>
/// Adds audit entries to the current unit of work. When it is saved they are sealed into the hash chain
/// (<see cref="AuditSealing"/>) and written together with the change they describe.
/// </summary>
internal sealed class AuditLog(AppDb db, TimeProvider clock)
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    const int MaxEntityIdLength = 64;

    public void Record(Actor actor, AuditEventType type, string? entityType, string? entityId, object? data = null) =>
        db.Add(new AuditEntry
        {
            At = AuditChain.Truncate(clock.GetUtcNow().UtcDateTime),
            ActorId = actor.UserId == Guid.Empty ? null : actor.UserId,
            ActorRole = actor.Role,
            Type = type.Code,
            Kind = type.Kind.ToString(),
            EntityType = entityType,
            EntityId = entityId is { Length: > MaxEntityIdLength } ? entityId[..MaxEntityIdLength] : entityId,
            Data = data is null ? "{}" : JsonSerializer.Serialize(data, Json),
        });

    /// <summary>Records and saves at once: for events with no business change beside them (reads, refusals, logins).</summary>
    public async Task RecordNowAsync(Actor actor, AuditEventType type, string? entityType, string? entityId, object? data = null,
        CancellationToken ct = default)
    {
        Record(actor, type, entityType, entityId, data);
        await db.SaveChangesAsync(ct);
    }
}
