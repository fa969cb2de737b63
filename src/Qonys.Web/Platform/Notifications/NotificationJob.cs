using Microsoft.Extensions.Options;

namespace Qonys.Web.Platform.Notifications;

/// <summary>
/// Runs the dispatcher every "Qonys:Jobs:NotificationIntervalMilliseconds" until the outbox is empty. Every node may run it:
/// the dispatcher claims its batches with leases, so nodes share the outbox instead of taking turns.
/// </summary>
internal sealed class NotificationJob(IServiceScopeFactory scopes, JobLocks locks, IOptions<QonysOptions> options, ILogger<NotificationJob> log)
    : PeriodicJob(scopes, locks, log)
{
    protected override TimeSpan Interval => TimeSpan.FromMilliseconds(options.Value.Jobs.NotificationIntervalMilliseconds);

    protected override bool OnOneNodeAtATime => false;

    protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken ct)
    {
        var dispatcher = services.GetRequiredService<NotificationDispatcher>();
        while (await dispatcher.DispatchBatchAsync(ct) > 0) { }
    }
}
