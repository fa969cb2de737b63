namespace Qonys.Web.Platform.Jobs;

/// <summary>
/// A background job that runs <see cref="RunOnceAsync"/> in a fresh unit of work, then waits <see cref="Interval"/>, until
/// the host stops. A failure is logged and the loop goes on at the next interval; stopping cancels the run in progress and
/// ends the loop without an error. Where several app nodes run, one node at a time runs the job (<see cref="JobLocks"/>),
/// unless the job says its work claims its own rows (<see cref="OnOneNodeAtATime"/>).
/// </summary>
internal abstract class PeriodicJob(IServiceScopeFactory scopes, JobLocks locks, ILogger log) : BackgroundService
{
    /// <summary>The name that keys the job's lock and its log lines.</summary>
    protected virtual string Name => GetType().Name;

    /// <summary>How long to wait after one run before the next; read before every wait, so it comes from options.</summary>
    protected abstract TimeSpan Interval { get; }

    /// <summary>
    /// True (the default): a node skips a run while another node runs the job. A job whose work is split into rows
    /// claimed with their own leases (the notification outbox, the projection queue) answers false: its nodes share the work.
    /// </summary>
    protected virtual bool OnOneNodeAtATime => true;

    /// <summary>One run, with the services of its own scope.</summary>
    protected abstract Task RunOnceAsync(IServiceProvider services, CancellationToken ct);

    /// <summary>Waits before the next run; a job may also wake earlier (a local signal).</summary>
    protected virtual Task WaitAsync(TimeSpan interval, CancellationToken ct) => Task.Delay(interval, ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogError(e, "Job {Job} failed; retrying in {Interval}", Name, Interval);
            }
            try { await WaitAsync(Interval, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>One run on this node, or none when another node holds the job's lock.</summary>
    internal async Task<bool> RunAsync(CancellationToken ct)
    {
        await using var held = OnOneNodeAtATime ? await locks.TryTakeAsync(Name, ct) : JobLocks.NotNeeded;
        if (held is null) return false;
        using var scope = scopes.CreateScope();
        await RunOnceAsync(scope.ServiceProvider, ct);
        return true;
    }
}
