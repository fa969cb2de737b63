namespace Qonys.Web.Modules.AnalyticalCentre.Projections;

/// <summary>
/// Wakes this node's <see cref="ProjectionJob"/> when a run was queued here (other nodes find it by polling).
/// </summary>
internal sealed class ProjectionQueueSignal
{
    readonly SemaphoreSlim _signal = new(0, 1);

    public void Wake()
    {
        if (_signal.CurrentCount == 0)
        {
            try { _signal.Release(); }
            catch (SemaphoreFullException) { /* already awake */ }
        }
    }

    public Task WaitAsync(TimeSpan timeout, CancellationToken ct) => _signal.WaitAsync(timeout, ct);
}
