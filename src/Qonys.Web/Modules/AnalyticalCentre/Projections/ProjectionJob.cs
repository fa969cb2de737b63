using Microsoft.Extensions.Options;

namespace Qonys.Web.Modules.AnalyticalCentre.Projections;

/// <summary>
/// Drains the projection queue: runs claimed one at a time, polled every "Qonys:Jobs:ProjectionPollMilliseconds" and
/// woken at once by a local enqueue. Every node may run it: <see cref="ProjectionWorker"/> claims each run with its own
/// lease, so several nodes compute different runs side by side.
/// </summary>
internal sealed class ProjectionJob(
    IServiceScopeFactory scopes, JobLocks locks, ProjectionQueueSignal signal, IOptions<ProjectionJobOptions> options,
    ILogger<ProjectionJob> log) : PeriodicJob(scopes, locks, log)
{
    protected override TimeSpan Interval => TimeSpan.FromMilliseconds(
        Math.Max(1, options.Value.ProjectionPollMilliseconds));

    protected override bool OnOneNodeAtATime => false;

    protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken ct)
    {
        var worker = services.GetRequiredService<ProjectionWorker>();
        while (await worker.RunNextAsync(ct)) { }
    }

    protected override Task WaitAsync(TimeSpan interval, CancellationToken ct) => signal.WaitAsync(interval, ct);
}
