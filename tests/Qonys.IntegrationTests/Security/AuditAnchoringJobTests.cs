using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Qonys.Web.Platform.Audit;
using Qonys.Web.Platform.Hosting;
using Qonys.Web.Platform.Jobs;
using static Qonys.IntegrationTests.Platform.PlatformTestKit;

namespace Qonys.IntegrationTests.Security;

/// <summary>
/// The audit checkpoints published at an interval (<see cref="AuditAnchoringJob"/>): a run anchors the chains when they
/// moved and are intact, does nothing when they did not move, never anchors a cut chain, and runs on one node at a time.
/// </summary>
public sealed class AuditAnchoringJobTests
{
    static Task<int> CheckpointsAsync(TestApp app) => app.WithDbAsync(db => db.Set<AuditCheckpoint>().CountAsync());

    [Theory, OnSqlite, OnPostgres]
    public async Task A_run_anchors_moved_intact_chains_only(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        app.Services.GetServices<IHostedService>().OfType<AuditAnchoringJob>().ShouldHaveSingleItem("the job is scheduled");
        var job = ActivatorUtilities.CreateInstance<AuditAnchoringJob>(app.Services);
        using var admin = await app.As(Demo.Admin);
        (await CheckpointsAsync(app)).ShouldBe(0, "the scheduled job's first run waits one interval");

        (await job.RunAsync(CancellationToken.None)).ShouldBeTrue();
        (await CheckpointsAsync(app)).ShouldBe(1);
        (await job.RunAsync(CancellationToken.None)).ShouldBeTrue();
        (await CheckpointsAsync(app)).ShouldBe(1, "no chain moved: nothing to anchor");

        var bin = Demo.NewBin();
        (await admin.PostAsJsonAsync("/api/v1/employers", NewEmployer(bin))).StatusCode.ShouldBe(HttpStatusCode.Created);
        await job.RunAsync(CancellationToken.None);
        (await CheckpointsAsync(app)).ShouldBe(2);

        // The anchored head of the registration's chain is cut off: the next run reports it and anchors nothing.
        var registered = await app.WithDbAsync(db => db.Set<AuditEntry>().AsNoTracking().SingleAsync(e => e.EntityId == bin));
        var head = await app.WithDbAsync(db => db.Set<AuditEntry>().Where(e => e.Shard == registered.Shard).MaxAsync(e => e.Seq));
        await app.WithDbAsync(db => db.Database.ExecuteSqlAsync($"DELETE FROM platform_audit_entries WHERE shard = {registered.Shard} AND seq = {head}"));
        await job.RunAsync(CancellationToken.None);
        (await CheckpointsAsync(app)).ShouldBe(2, "a cut chain must not be anchored as it is");
        using var auditor = await app.As(Demo.Auditor);
        var verification = await (await auditor.PostAsync("/api/v1/audit/verify", null)).Content.ReadFromJsonAsync<JsonElement>();
        verification.GetProperty("intact").GetBoolean().ShouldBeFalse(verification.ToString());
    }

    [PostgresFact]
    public async Task A_node_skips_the_run_while_another_node_holds_the_job()
    {
        await using var app = await TestApp.StartAsync(Provider.Postgres);
        var job = ActivatorUtilities.CreateInstance<AuditAnchoringJob>(app.Services);
        var otherNode = new JobLocks(app.Services.GetRequiredService<IOptions<QonysOptions>>());

        await using (var held = await otherNode.TryTakeAsync(nameof(AuditAnchoringJob), CancellationToken.None))
        {
            held.ShouldNotBeNull();
            (await job.RunAsync(CancellationToken.None)).ShouldBeFalse();
            (await CheckpointsAsync(app)).ShouldBe(0);
        }
        (await job.RunAsync(CancellationToken.None)).ShouldBeTrue();
        (await CheckpointsAsync(app)).ShouldBe(1);
    }
}
