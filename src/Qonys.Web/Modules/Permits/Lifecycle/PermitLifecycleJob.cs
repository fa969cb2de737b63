using Microsoft.Extensions.Options;

namespace Qonys.Web.Modules.Permits.Lifecycle;

/// <summary>Runs <see cref="PermitLifecycleSweep"/> for today (UTC) every "Qonys:Jobs:PermitLifecycleIntervalSeconds", on one node at a time.</summary>
internal sealed class PermitLifecycleJob(IServiceScopeFactory scopes, JobLocks locks, IOptions<PermitJobOptions> options, TimeProvider clock,
    ILogger<PermitLifecycleJob> log) : PeriodicJob(scopes, locks, log)
{
    protected override TimeSpan Interval => TimeSpan.FromSeconds(Math.Max(1, options.Value.PermitLifecycleIntervalSeconds));

    protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken ct)
    {
        var sweep = services.GetRequiredService<PermitLifecycleSweep>();
        var result = await sweep.RunOnceAsync(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct);
        if (result != new SweepResult(0, 0, 0, 0)) log.LogInformation("Permit lifecycle sweep: {Result}", result);
    }
}
