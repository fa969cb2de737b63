using Microsoft.EntityFrameworkCore;
using Qonys.Web.Modules.AnalyticalCentre.Domain;

namespace Qonys.Web.Modules.AnalyticalCentre.Projections;

/// <summary>
/// Claims one queued run (or a running one whose node stopped renewing its lease) with a conditional update, so
/// several app nodes never compute the same run; computes it while a companion loop persists the per cent done,
/// renews the lease and watches for a cancel request; stores the rows and marks the run done in one transaction.
/// </summary>
internal sealed class ProjectionWorker(
    AppDb db, ProjectionComputation computation, TimeProvider clock, ILogger<ProjectionWorker> log)
{
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    static readonly TimeSpan Heartbeat = TimeSpan.FromMilliseconds(300);

    public string NodeId { get; init; } =
        Environment.MachineName + ":" + Environment.ProcessId + ":" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>Claims and runs one run; false when the queue was empty.</summary>
    public async Task<bool> RunNextAsync(CancellationToken stopping)
    {
        var run = await ClaimAsync(stopping);
        if (run is null) return false;
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var progress = new LatestProgress();
        var compute = Task.Run(() => computation.Run(run, progress, cancel.Token), CancellationToken.None);
        while (!compute.IsCompleted)
        {
            await Task.WhenAny(compute, Task.Delay(Heartbeat, CancellationToken.None));
            if (compute.IsCompleted) break;
            if (await HeartbeatAsync(run.Id, progress.Percent) is false) await cancel.CancelAsync();
        }
        try
        {
            var rows = await compute;
            await StoreAsync(run.Id, rows);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The node is shutting down, not the analyst cancelling: put the run back for this or another node.
            await ReleaseAsync(run.Id);
        }
        catch (OperationCanceledException)
        {
            await FinishAsync(run.Id, ProjectionStatus.Cancelled, null);
        }
        catch (Exception e)
        {
            log.LogError(e, "Projection run {Id} failed", run.Id);
            await FinishAsync(run.Id, ProjectionStatus.Failed, e.Message.Length > 500 ? e.Message[..500] : e.Message);
        }
        return true;
    }

    async Task<ProjectionRunRecord?> ClaimAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var candidates = await db.Set<ProjectionRunRecord>().AsNoTracking()
            .Where(r => r.Status == ProjectionStatus.Queued
                        || (r.Status == ProjectionStatus.Running && r.LeaseUntil < now))
            .OrderBy(r => r.CreatedAt).Select(r => r.Id).Take(5).ToListAsync(ct);
        foreach (var id in candidates)
        {
            var owner = NodeId;
            var claimed = await db.Set<ProjectionRunRecord>()
                .Where(r => r.Id == id && !r.CancelRequested &&
                            (r.Status == ProjectionStatus.Queued
                             || (r.Status == ProjectionStatus.Running && r.LeaseUntil < now)))
                .ExecuteUpdateAsync(s => s
                    .SetProperty(r => r.Status, ProjectionStatus.Running)
                    .SetProperty(r => r.LeaseOwner, owner)
                    .SetProperty(r => r.LeaseUntil, now + Lease)
                    .SetProperty(r => r.StartedAt, now)
                    .SetProperty(r => r.Progress, 0.0), ct);
            if (claimed == 1) return await db.Set<ProjectionRunRecord>().AsNoTracking().FirstAsync(r => r.Id == id, ct);
        }
        return null;
    }

    /// <summary>Persists progress and renews the lease; false when the run was cancelled or its lease lost.</summary>
    async Task<bool> HeartbeatAsync(Guid id, double percent)
    {
        var until = clock.GetUtcNow().UtcDateTime + Lease;
        var owner = NodeId;
        var updated = await db.Set<ProjectionRunRecord>()
            .Where(r => r.Id == id && r.LeaseOwner == owner && r.Status == ProjectionStatus.Running
                        && !r.CancelRequested)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Progress, Math.Round(percent, 1))
                .SetProperty(r => r.LeaseUntil, until));
        return updated == 1;
    }

    async Task StoreAsync(Guid id, IReadOnlyList<ProjectionResultRow> rows)
    {
        var owner = NodeId;
        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync();
        await db.Set<ProjectionResultRow>().Where(r => r.RunId == id).ExecuteDeleteAsync();
        db.AddRange(rows);
        await db.SaveChangesAsync();
        var finished = await db.Set<ProjectionRunRecord>()
            .Where(r => r.Id == id && r.LeaseOwner == owner && r.Status == ProjectionStatus.Running)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, r => r.CancelRequested ? ProjectionStatus.Cancelled : ProjectionStatus.Done)
                .SetProperty(r => r.Progress, 100.0)
                .SetProperty(r => r.FinishedAt, now)
                .SetProperty(r => r.LeaseOwner, (string?)null)
                .SetProperty(r => r.LeaseUntil, (DateTime?)null));
        if (finished == 1) await tx.CommitAsync();
        else await tx.RollbackAsync();
        db.ChangeTracker.Clear();
    }

    async Task ReleaseAsync(Guid id)
    {
        var owner = NodeId;
        await db.Set<ProjectionRunRecord>()
            .Where(r => r.Id == id && r.LeaseOwner == owner && r.Status == ProjectionStatus.Running)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, ProjectionStatus.Queued)
                .SetProperty(r => r.Progress, 0.0)
                .SetProperty(r => r.LeaseOwner, (string?)null)
                .SetProperty(r => r.LeaseUntil, (DateTime?)null));
    }

    async Task FinishAsync(Guid id, string status, string? error)
    {
        var owner = NodeId;
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Set<ProjectionRunRecord>()
            .Where(r => r.Id == id && r.LeaseOwner == owner && r.Status == ProjectionStatus.Running)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, status)
                .SetProperty(r => r.Error, error)
                .SetProperty(r => r.FinishedAt, now)
                .SetProperty(r => r.LeaseOwner, (string?)null)
                .SetProperty(r => r.LeaseUntil, (DateTime?)null));
    }

    /// <summary>The engine reports from several threads; only the latest value is kept (per cent, 0 … 100).</summary>
    sealed class LatestProgress : IProgress<double>
    {
        double _fraction;
        public double Percent => 100.0 * Volatile.Read(ref _fraction);

        public void Report(double value)
        {
            double seen;
            do
            {
                seen = Volatile.Read(ref _fraction);
                if (value <= seen) return;
            } while (Interlocked.CompareExchange(ref _fraction, value, seen) != seen);
        }
    }
}
