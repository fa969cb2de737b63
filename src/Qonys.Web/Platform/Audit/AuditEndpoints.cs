using Microsoft.EntityFrameworkCore;
using Qonys.Web.Platform.Auth;
using Qonys.Web.Platform.Data;

namespace Qonys.Web.Platform.Audit;

public static class AuditEndpoints
{
    public sealed record AuditEntryResponse(int Shard, long Seq, DateTime At, Guid? ActorId, string ActorRole, string Type, string Kind,
        string? EntityType, string? EntityId, string Data, string Hash);

    /// <summary>Auditor-only: browse the log and verify its chain.</summary>
    public static void MapAuditApi(this IEndpointRouteBuilder app)
    {
        var audit = app.MapGroup("/api/v1/audit").WithTags("Audit").RequireAuthorization(Permissions.AuditRead);

        audit.MapGet("/entries", async (AppDb db, string? entityType, string? entityId, int? page, int? pageSize, CancellationToken ct) =>
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
        });

        audit.MapPost("/verify", async (AppDb db, HttpContext http, AuditLog log, CancellationToken ct) =>
        {
            var result = await AuditChain.VerifyAsync(db, ct);
            await log.RecordNowAsync(Actor.From(http.User), PlatformAuditEvents.AuditVerified, null, null,
                new { result.Intact, result.EntriesChecked, result.FirstBrokenShard, result.FirstBrokenSeq }, ct);
            return result;
        });
    }
}

/// <summary>A page of a list, as API.md fixes it: items, total, page, pageSize.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);

public static class Paging
{
    public const int MaxPageSize = 500;

    /// <summary>Pages beyond this are empty anyway; the cap keeps (page − 1) × pageSize within an int.</summary>
    const int MaxPage = int.MaxValue / MaxPageSize;

    public static (int Page, int PageSize) Normalise(int? page, int? pageSize) =>
        (Math.Clamp(page ?? 1, 1, MaxPage), Math.Clamp(pageSize ?? 50, 1, MaxPageSize));
}
