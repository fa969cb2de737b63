namespace Qonys.Web.Modules.AnalyticalCentre.Projections;

/// <summary>
/// How often each node looks for queued projection runs (configuration "Qonys:Jobs:ProjectionPollMilliseconds").
/// </summary>
internal sealed class ProjectionJobOptions
{
    public int ProjectionPollMilliseconds { get; set; } = 1000;
}
