using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Qonys.Web.Platform.Outbox;

/// <summary>An outbox row as the API and the administrator's page show it.</summary>
internal sealed record OutboxEventResponse(Guid Id, string Type, string Subject, long Sequence, DateTime OccurredAt, string Status,
    DateTime? PublishedAt, int Attempts, string? LastError, JsonElement Data);

/// <summary>The outbound contracts: the envelope every event shares and the schema of each type's data.</summary>
internal sealed record OutboundSchemasDocument(string SpecVersion, string ContentType, string Source, string Exchange,
    IReadOnlyList<string> EnvelopeAttributes, IReadOnlyList<OutboundEventSchema> Events);

internal sealed record OutboundEventSchema(string Type, string Aggregate, string Description, JsonObject DataSchema);

internal static class OutboxStatus
{
    public const string Pending = "pending";
    public const string Published = "published";
}

/// <summary>Reads the outbox (newest first) and the contracts of the events it holds.</summary>
internal sealed class OutboxReading(AppDb db, OutboundEventCatalog catalog, IOptions<OutboxOptions> options)
{
    public async Task<UseCaseResult<PagedList<OutboxEventResponse>>> ListAsync(string? status, string? type, int? page, int? pageSize, CancellationToken ct)
    {
        var e = new ValidationErrors();
        if (status is not null and not OutboxStatus.Pending and not OutboxStatus.Published)
            e.Add("status", $"'{status}' is not an outbox status; use pending or published");
        if (type is not null && catalog.Types.All(t => t.Type != type))
            e.Add("type", $"'{type}' is not an outbound event type; see /api/v1/integration/outbound-schemas");
        if (e.Any) return UseCaseResult<PagedList<OutboxEventResponse>>.Invalid(e);
        var (p, size) = Paging.Normalise(page, pageSize);
        var q = db.Set<OutboxMessage>().AsNoTracking();
        if (status == OutboxStatus.Pending) q = q.Where(m => m.PublishedAt == null);
        if (status == OutboxStatus.Published) q = q.Where(m => m.PublishedAt != null);
        if (type is not null) q = q.Where(m => m.Type == type);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(m => m.Position).Skip((p - 1) * size).Take(size).ToListAsync(ct);
        return UseCaseResult<PagedList<OutboxEventResponse>>.Ok(new PagedList<OutboxEventResponse>(rows.Select(ToResponse).ToList(), total, p, size));
    }

    public OutboundSchemasDocument Schemas() => new(OutboxEnvelope.SpecVersion, OutboxEnvelope.ContentType, options.Value.Source, options.Value.Exchange,
        OutboxEnvelope.Attributes,
        catalog.Types.Select(t => new OutboundEventSchema(t.Type, t.Aggregate, t.Description, OutboundEventCatalog.DataSchema(t).AsObject())).ToList());

    static OutboxEventResponse ToResponse(OutboxMessage m)
    {
        using var data = JsonDocument.Parse(m.Data);
        return new OutboxEventResponse(m.Id, m.Type, m.Subject, m.Sequence, m.OccurredAt, m.PublishedAt is null ? OutboxStatus.Pending : OutboxStatus.Published,
            m.PublishedAt, m.Attempts, m.LastError, data.RootElement.Clone());
    }
}
