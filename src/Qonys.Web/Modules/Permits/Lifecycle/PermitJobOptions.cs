namespace Qonys.Web.Modules.Permits.Lifecycle;

/// <summary>Interval of the permit lifecycle sweep (configuration "Qonys:Jobs:PermitLifecycleIntervalSeconds").</summary>
internal sealed class PermitJobOptions
{
    public int PermitLifecycleIntervalSeconds { get; set; } = 900;
}
