using Microsoft.Extensions.Options;

namespace Qonys.Web.Platform.Outbox;

/// <summary>
/// The background relay from the outbox to the broker, running where a broker is configured. One node at a time
/// (the job's advisory lock on PostgreSQL; SQLite has one node), so events leave in outbox order; after emptying the
/// outbox it waits "RelayIntervalMilliseconds", after a broker failure "RetryMilliseconds", and then goes on where it stopped.
/// </summary>
internal sealed class OutboxRelay(IServiceScopeFactory scopes, JobLocks locks, IOptions<OutboxOptions> options, ILogger<OutboxRelay> log)
    : PeriodicJob(scopes, locks, log)
{
    volatile bool _failing;

    protected override TimeSpan Interval =>
        TimeSpan.FromMilliseconds(_failing ? options.Value.RetryMilliseconds : options.Value.RelayIntervalMilliseconds);

    protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken ct)
    {
        var publishing = services.GetRequiredService<OutboxPublishing>();
        try
        {
            while (await publishing.PublishBatchAsync(ct) > 0) { }
            _failing = false;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _failing = true;
            throw;
        }
    }
}
