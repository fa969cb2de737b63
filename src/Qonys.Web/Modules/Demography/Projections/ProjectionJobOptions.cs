namespace Qonys.Web.Modules.Demography.Projections;

/// <summary>How often each node looks for queued projection runs (configuration "Qonys:Jobs:ProjectionPollMilliseconds").</summary>
public sealed class ProjectionJobOptions
{
    public int ProjectionPollMilliseconds { get; set; } = 1000;
}
