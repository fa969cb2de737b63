using Microsoft.EntityFrameworkCore;

namespace Qonys.Web.Platform.Idempotency;

/// <summary>Forgets idempotency keys after 48 hours (API.md promises at least 24).</summary>
public sealed class IdempotencyKeyCleanup(IServiceScopeFactory scopes, TimeProvider clock, ILogger<IdempotencyKeyCleanup> log) : BackgroundService
{
    public static readonly TimeSpan Retention = TimeSpan.FromHours(48);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1));
        do
        {
            try
            {
                using var scope = scopes.CreateScope();
                var cutoff = clock.GetUtcNow().UtcDateTime - Retention;
                await scope.ServiceProvider.GetRequiredService<AppDb>().Set<IdempotencyRecord>()
                    .Where(r => r.CreatedAt < cutoff).ExecuteDeleteAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogError(e, "Idempotency key cleanup failed");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
