using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Qonys.Web.Platform.Idempotency;

/// <summary>A remembered creating request: the caller's key, what was asked, and the first answer given.</summary>
internal sealed class IdempotencyRecord
{
    public string Caller { get; set; } = "";
    public string Key { get; set; } = "";
    public string RequestHash { get; set; } = "";
    public bool Completed { get; set; }
    public int StatusCode { get; set; }
    public string? ContentType { get; set; }
    public string? Location { get; set; }
    public byte[] ResponseBody { get; set; } = [];
    public DateTime CreatedAt { get; set; }
}

sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> b)
    {
        b.ToTable("platform_idempotency_keys");
        b.HasKey(r => new { r.Caller, r.Key });
        b.Property(r => r.Caller).HasMaxLength(64);
        b.Property(r => r.Key).HasMaxLength(200);
        b.Property(r => r.RequestHash).HasMaxLength(64);
        b.Property(r => r.ContentType).HasMaxLength(100);
        b.Property(r => r.Location).HasMaxLength(300);
        b.HasIndex(r => r.CreatedAt);
    }
}

/// <summary>Marks a creating POST endpoint as honouring the Idempotency-Key header.</summary>
internal sealed class IdempotentEndpoint;

internal static class IdempotencyExtensions
{
    public const string Header = "Idempotency-Key";

    public static TBuilder WithIdempotency<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new IdempotentEndpoint());
}

/// <summary>
/// Idempotency-Key per API.md: the same key and body replays the first answer and creates nothing; the same key
/// with another body is 422. A request with a key is one unit of work, one transaction: the key is claimed (a row
/// under a unique key, so concurrent requests and app nodes agree; a repeat's insert does nothing), the endpoint runs
/// (its use cases join the transaction, <see cref="UseCaseTransaction"/>), its answer is stored in the claimed row, and
/// all of it commits at once. So a process killed at any point leaves either the work with its stored answer or
/// neither (the retry then does the work once), never a claimed key without an answer. A repeat arriving while the
/// first runs waits for the first's commit at its claim and replays the answer (409 only when the first was released
/// just then). A server error or an exception rolls everything back, the claim included.
/// </summary>
internal sealed class IdempotencyMiddleware(RequestDelegate next)
{
    const int MaxKeyLength = 200;

    public async Task InvokeAsync(HttpContext http, AppDb db, TimeProvider clock)
    {
        if (http.GetEndpoint()?.Metadata.GetMetadata<IdempotentEndpoint>() is null ||
            !http.Request.Headers.TryGetValue(IdempotencyExtensions.Header, out var keys))
        {
            await next(http);
            return;
        }
        var key = keys.ToString();
        if (key.Length is 0 or > MaxKeyLength)
        {
            await ResultMapping.Problem(400, "Invalid Idempotency-Key", $"The {IdempotencyExtensions.Header} header must have 1–{MaxKeyLength} characters.",
                "validation").ExecuteAsync(http);
            return;
        }
        var caller = http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "anonymous";
        http.Request.EnableBuffering();
        string hash;
        using (var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
        {
            sha.AppendData(System.Text.Encoding.UTF8.GetBytes(http.Request.Method + " " + http.Request.Path + "\n"));
            var buffer = new byte[8192];
            int read;
            while ((read = await http.Request.Body.ReadAsync(buffer, http.RequestAborted)) > 0) sha.AppendData(buffer, 0, read);
            hash = Convert.ToHexStringLower(sha.GetHashAndReset());
        }
        http.Request.Body.Position = 0;

        await using var unit = await db.Database.BeginTransactionAsync(http.RequestAborted);
        if (!await ClaimAsync(db, caller, key, hash, clock.GetUtcNow().UtcDateTime, http.RequestAborted))
        {
            var existing = await db.Set<IdempotencyRecord>().AsNoTracking()
                .FirstOrDefaultAsync(r => r.Caller == caller && r.Key == key, http.RequestAborted);
            await unit.RollbackAsync(CancellationToken.None);
            await AnswerRepeatAsync(http, existing, hash);
            return;
        }

        var original = http.Response.Body;
        using var captured = new MemoryStream();
        http.Response.Body = captured;
        try
        {
            await next(http); // an exception disposes the unit of work uncommitted: nothing of the request stays
        }
        finally
        {
            http.Response.Body = original;
        }

        if (http.Response.StatusCode >= 500)
        {
            await unit.RollbackAsync(CancellationToken.None); // the work and the claim: a retry runs it afresh
        }
        else
        {
            await db.Set<IdempotencyRecord>().Where(r => r.Caller == caller && r.Key == key).ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Completed, true)
                .SetProperty(r => r.StatusCode, http.Response.StatusCode)
                .SetProperty(r => r.ContentType, http.Response.ContentType)
                .SetProperty(r => r.Location, http.Response.Headers.Location.ToString())
                .SetProperty(r => r.ResponseBody, captured.ToArray()), CancellationToken.None);
            await unit.CommitAsync(CancellationToken.None);
        }
        captured.Position = 0;
        await captured.CopyToAsync(original, http.RequestAborted);
    }

    /// <summary>
    /// Claims the key: true when this request inserted its row, false when the key was already there. A repeat is an
    /// expected condition, so it is an insert that does nothing (both providers' ON CONFLICT DO NOTHING), not a unique
    /// violation that the database and EF Core would log as a failure.
    /// </summary>
    static async Task<bool> ClaimAsync(AppDb db, string caller, string key, string hash, DateTime now, CancellationToken ct)
    {
        byte[] empty = [];
        var inserted = await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "platform_idempotency_keys" ("caller", "key", "request_hash", "completed", "status_code", "response_body", "created_at")
            VALUES ({caller}, {key}, {hash}, {false}, {0}, {empty}, {now})
            ON CONFLICT ("caller", "key") DO NOTHING
            """, ct);
        return inserted == 1;
    }

    static async Task AnswerRepeatAsync(HttpContext http, IdempotencyRecord? existing, string hash)
    {
        if (existing is null)
        {
            await ResultMapping.Problem(409, "Conflict", "A request with this Idempotency-Key was just released; retry it.", "idempotency-conflict")
                .ExecuteAsync(http);
            return;
        }
        if (existing.RequestHash != hash)
        {
            await TypedResults.Problem("This Idempotency-Key was already used with a different request body.", statusCode: 422,
                title: "Idempotency-Key reused", type: ResultMapping.ProblemBase + "rule/idempotency_key_reused",
                extensions: new Dictionary<string, object?> { ["rule"] = "idempotency_key_reused" }).ExecuteAsync(http);
            return;
        }
        if (!existing.Completed)
        {
            await ResultMapping.Problem(409, "Conflict", "A request with this Idempotency-Key is still being processed.", "idempotency-conflict")
                .ExecuteAsync(http);
            return;
        }
        http.Response.StatusCode = existing.StatusCode;
        if (existing.ContentType is not null) http.Response.ContentType = existing.ContentType;
        if (!string.IsNullOrEmpty(existing.Location)) http.Response.Headers.Location = existing.Location;
        http.Response.Headers["Idempotent-Replayed"] = "true";
        await http.Response.Body.WriteAsync(existing.ResponseBody, http.RequestAborted);
    }
}
