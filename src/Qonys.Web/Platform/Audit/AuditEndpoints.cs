using Microsoft.AspNetCore.Http.HttpResults;
using Qonys.Web.Platform.OpenApi;

namespace Qonys.Web.Platform.Audit;

internal static class AuditEndpoints
{
    /// <summary>Auditor-only: browse the log and verify its chains.</summary>
    public static void MapAuditApi(this IEndpointRouteBuilder app)
    {
        var audit = app.MapGroup("/api/v1/audit")
            .WithTag("Audit", "The hash-chained audit log: browsing and verification (auditors).")
            .RequireAuthorization(Permissions.AuditRead);
        audit.MapGet("/entries", Entries).WithName("ListAuditEntries")
            .WithSummary("Audit entries, newest first, optionally of one entity (type and id).");
        audit.MapPost("/verify", Verify).WithName("VerifyAuditLog")
            .WithSummary("Verify the hash chains: intact, or the first broken entry and why (the check is audited).");
    }

    static async Task<Ok<PagedList<AuditEntryResponse>>> Entries(
        string? entityType, string? entityId, int? page, int? pageSize, AuditReading reading, CancellationToken ct) =>
        TypedResults.Ok(await reading.EntriesAsync(entityType, entityId, page, pageSize, ct));

    static async Task<Ok<AuditVerification>> Verify(Actor actor, AuditReading reading, CancellationToken ct) =>
        TypedResults.Ok(await reading.VerifyAsync(actor, ct));
}
