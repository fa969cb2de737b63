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
