using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Qonys.Web.Platform.Auth;

/// <summary>
/// Failed sign-ins of one e-mail address from one source address (the key is a hash of both: no address is stored).
/// The e-mail need not belong to an account, so known and unknown addresses are treated alike.
/// </summary>
internal sealed class SignInThrottle
{
    public string Key { get; set; } = "";
    public int Failures { get; set; }
    /// <summary>Unix milliseconds: plain integers compare the same way in hand-written SQL on both providers.</summary>
    public long LastFailureMs { get; set; }
    public long LockedUntilMs { get; set; }
}

sealed class SignInThrottleConfiguration : IEntityTypeConfiguration<SignInThrottle>
{
    public void Configure(EntityTypeBuilder<SignInThrottle> b)
    {
        b.ToTable("platform_sign_in_throttles");
        b.HasKey(t => t.Key);
        b.Property(t => t.Key).HasMaxLength(64);
        b.HasIndex(t => t.LastFailureMs);
    }
}

/// <summary>
/// Lock-out per (e-mail, source): after <see cref="AuthOptions.MaxFailedAccessAttempts"/> failures within
/// <see cref="AuthOptions.LockoutMinutes"/>, that e-mail cannot be tried from that source until the lock ends, while
/// the account's owner, elsewhere, still signs in. Each failure also slows the next attempt of the pair (progressive
/// delay). Counting is one atomic upsert, so parallel guesses cannot slip past the limit.
/// </summary>
internal sealed class SignInThrottling(AppDb db, TimeProvider clock, AuthOptions options)
{
    static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(2);

    public static string KeyOf(string normalizedEmail, string source) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalizedEmail + "\n" + source)));

    /// <summary>Null when the pair may try now (after its delay); else when its lock ends.</summary>
    public async Task<DateTimeOffset?> LockedUntilAsync(string key, CancellationToken ct)
    {
        var row = await db.Set<SignInThrottle>().AsNoTracking().FirstOrDefaultAsync(t => t.Key == key, ct);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        if (row is null) return null;
        if (row.LockedUntilMs > now) return DateTimeOffset.FromUnixTimeMilliseconds(row.LockedUntilMs);
        if (row.Failures > 0 && row.LastFailureMs >= now - (long)Window.TotalMilliseconds)
            await Task.Delay(Min(TimeSpan.FromMilliseconds(100 * (1 << Math.Min(row.Failures, 10))), MaxDelay), clock, ct);
        return null;
    }

    TimeSpan Window => TimeSpan.FromMinutes(options.LockoutMinutes);

    static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    /// <summary>Counts a failure; true when it locked the pair.</summary>
    public async Task<bool> FailedAsync(string key, CancellationToken ct)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var windowStart = now - (long)Window.TotalMilliseconds;
        var failures = (await db.Database.SqlQuery<int>($"""
            INSERT INTO "platform_sign_in_throttles" AS t ("key", "failures", "last_failure_ms", "locked_until_ms") VALUES ({key}, 1, {now}, 0)
            ON CONFLICT ("key") DO UPDATE SET
                "failures" = CASE WHEN t."last_failure_ms" < {windowStart} THEN 1 ELSE t."failures" + 1 END,
                "last_failure_ms" = {now}
            RETURNING "failures" AS "Value"
            """).ToListAsync(ct)).Single();
        // Pairs quiet for a day are forgotten (whatever their lock, it has ended by then).
        await db.Set<SignInThrottle>().Where(t => t.LastFailureMs < now - 86_400_000).ExecuteDeleteAsync(ct);
        if (failures < options.MaxFailedAccessAttempts) return false;
        var until = now + (long)Window.TotalMilliseconds;
        await db.Set<SignInThrottle>().Where(t => t.Key == key)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.LockedUntilMs, until).SetProperty(t => t.Failures, 0), ct);
        return true;
    }

    public Task SucceededAsync(string key, CancellationToken ct) =>
        db.Set<SignInThrottle>().Where(t => t.Key == key).ExecuteDeleteAsync(ct);
}
