using Microsoft.Extensions.Options;

namespace Qonys.Web.Platform.Audit;

/// <summary>
/// Publishes a signed checkpoint of the audit chains' heads every "Qonys:Jobs:AuditAnchorMinutes", on one node at a time.
/// A checkpoint only follows a full, intact verification (a truncated or rewritten chain must never be anchored as it
/// is; a broken one is logged as an error instead), and none is published while no chain has moved since the newest
/// one. The first run waits one interval, so starting the nodes does not each publish one.
/// </summary>
internal sealed class AuditAnchoringJob(IServiceScopeFactory scopes, JobLocks locks, IOptions<QonysOptions> options, ILogger<AuditAnchoringJob> log)
    : PeriodicJob(scopes, locks, log)
{
    protected override TimeSpan Interval => TimeSpan.FromMinutes(Math.Max(1, options.Value.Jobs.AuditAnchorMinutes));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try { await WaitAsync(Interval, stoppingToken); }
        catch (OperationCanceledException) { return; }
        await base.ExecuteAsync(stoppingToken);
    }

    protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken ct)
    {
        var anchoring = services.GetRequiredService<AuditAnchoring>();
        if (!await anchoring.HeadsMovedAsync(ct)) return;
        var result = await AuditChain.VerifyAsync(services.GetRequiredService<AppDb>(), ct, anchoring);
        if (!result.Intact)
            log.LogError("Audit log broken at chain {Shard}, entry {Seq}: {Reason}; no checkpoint published", result.FirstBrokenShard,
                result.FirstBrokenSeq, result.Reason);
    }
}
