using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Qonys.Web.Platform.Idempotency;

/// <summary>Forgets idempotency keys after 48 hours (API.md promises at least 24), every "Qonys:Jobs:IdempotencyCleanupMinutes".</summary>
internal sealed class IdempotencyKeyCleanup(IServiceScopeFactory scopes, JobLocks locks, IOptions<QonysOptions> options, TimeProvider clock,
    ILogger<IdempotencyKeyCleanup> log) : PeriodicJob(scopes, locks, log)
{
    public static readonly TimeSpan Retention = TimeSpan.FromHours(48);

    protected override TimeSpan Interval => TimeSpan.FromMinutes(Math.Max(1, options.Value.Jobs.IdempotencyCleanupMinutes));

    protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken ct)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime - Retention;
        await services.GetRequiredService<AppDb>().Set<IdempotencyRecord>().Where(r => r.CreatedAt < cutoff).ExecuteDeleteAsync(ct);
    }
}
