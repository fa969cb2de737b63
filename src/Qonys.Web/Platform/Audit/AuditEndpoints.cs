using Qonys.Web.Platform.Auth;

namespace Qonys.Web.Platform.Audit;

public static class AuditEndpoints
{
    /// <summary>Auditor-only: browse the log and verify its chains.</summary>
    public static void MapAuditApi(this IEndpointRouteBuilder app)
    {
        var audit = app.MapGroup("/api/v1/audit").WithTags("Audit").RequireAuthorization(Permissions.AuditRead);
        audit.MapGet("/entries", (string? entityType, string? entityId, int? page, int? pageSize, AuditReading reading, CancellationToken ct) =>
            reading.EntriesAsync(entityType, entityId, page, pageSize, ct));
        audit.MapPost("/verify", (HttpContext http, AuditReading reading, CancellationToken ct) => reading.VerifyAsync(Actor.From(http.User), ct));
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
