using Microsoft.EntityFrameworkCore;

namespace Qonys.Web.Platform.Audit;

internal sealed record AuditEntryResponse(int Shard, long Seq, DateTime At, Guid? ActorId, string ActorRole, string Type, string Kind,
    string? EntityType, string? EntityId, string Data, string Hash);

/// <summary>The auditor's use cases, shared by the API and the /audit page: browse the log, verify its chains.</summary>
internal sealed class AuditReading(AppDb db, AuditLog log, AuditAnchoring anchoring)
{
    /// <summary>Newest first, optionally of one entity.</summary>
    public async Task<PagedList<AuditEntryResponse>> EntriesAsync(string? entityType, string? entityId, int? page, int? pageSize, CancellationToken ct)
    {
        var (p, size) = Paging.Normalise(page, pageSize);
        var q = db.Set<AuditEntry>().AsNoTracking();
        if (!string.IsNullOrEmpty(entityType)) q = q.Where(e => e.EntityType == entityType);
        if (!string.IsNullOrEmpty(entityId)) q = q.Where(e => e.EntityId == entityId);
        var total = await q.CountAsync(ct);
        var items = await q.OrderByDescending(e => e.At).ThenByDescending(e => e.Shard).ThenByDescending(e => e.Seq).Skip((p - 1) * size).Take(size)
            .Select(e => new AuditEntryResponse(e.Shard, e.Seq, e.At, e.ActorId, e.ActorRole, e.Type, e.Kind, e.EntityType, e.EntityId, e.Data, e.Hash))
            .ToListAsync(ct);
        return new PagedList<AuditEntryResponse>(items, total, p, size);
    }

    /// <summary>Walks every chain; the verification is itself audited (who verified, and what was found).</summary>
    public async Task<AuditVerification> VerifyAsync(Actor actor, CancellationToken ct)
    {
        var result = await AuditChain.VerifyAsync(db, ct, anchoring);
        await log.RecordNowAsync(actor, PlatformAuditEvents.AuditVerified, null, null,
            new { result.Intact, result.EntriesChecked, result.FirstBrokenShard, result.FirstBrokenSeq }, ct);
        return result;
    }
}
