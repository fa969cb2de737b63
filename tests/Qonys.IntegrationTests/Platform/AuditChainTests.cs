using Qonys.Web.Host;
using Microsoft.EntityFrameworkCore;
using Qonys.Web.Platform.Audit;
using Qonys.Web.Platform.Hosting;
using static Qonys.IntegrationTests.Platform.PlatformTestKit;

namespace Qonys.IntegrationTests.Platform;

/// <summary>The hash chains over real API calls: intact, then tampered (content, order, a removed row), by endpoint and CLI.</summary>
[Collection(AppsCollection.Name)]
public sealed class AuditChainTests(Apps apps)
{
    static async Task<JsonElement> VerifyAsync(TestApp app)
    {
        using var auditor = await app.As(Demo.Auditor);
        var response = await auditor.PostAsync("/api/v1/audit/verify", null);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    static Task<int> VerifyByCommandLineAsync(TestApp app) => QonysCommands.RunAsync([
        "verify-audit",
        "--Qonys:Database:Provider=" + (app.Provider == Provider.Postgres ? "postgresql" : "sqlite"),
        "--Qonys:Database:ConnectionString=" + app.ConnectionString,
        "--Qonys:Database:DataFolder=" + app.DataFolder,
    ]);

    static void ShouldBeBrokenAt(JsonElement verification, AuditEntry at)
    {
        verification.GetProperty("intact").GetBoolean().ShouldBeFalse(verification.ToString());
        verification.GetProperty("firstBrokenShard").GetInt32().ShouldBe(at.Shard, verification.ToString());
        verification.GetProperty("firstBrokenSeq").GetInt64().ShouldBe(at.Seq, verification.ToString());
    }

    static void ShouldBeIntact(JsonElement verification)
    {
        verification.GetProperty("intact").GetBoolean().ShouldBeTrue(verification.ToString());
        verification.GetProperty("firstBrokenSeq").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    /// <summary>New BINs whose registration entries all fall in one chain (the chain is a pure function of the subject).</summary>
    static List<string> BinsInOneChain(int count)
    {
        var byChain = new Dictionary<int, List<string>>();
        while (true)
        {
            var bin = Demo.NewBin();
            var chain = AuditChain.ShardOf(new AuditEntry { EntityType = "employer", EntityId = bin });
            if (!byChain.TryGetValue(chain, out var bins)) byChain[chain] = bins = [];
            bins.Add(bin);
            if (bins.Count == count) return bins;
        }
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Tampering_with_content_order_or_presence_is_detected(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var admin = await app.As(Demo.Admin);
        var bins = BinsInOneChain(4);
        foreach (var bin in bins)
            (await admin.PostAsJsonAsync("/api/v1/employers", NewEmployer(bin))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var entries = await app.WithDbAsync(db => db.Set<AuditEntry>().AsNoTracking()
            .Where(e => e.Type == PlatformAuditEvents.EmployerRegistered.Code && bins.Contains(e.EntityId!))
            .OrderBy(e => e.Seq).ToListAsync());
        entries.Count.ShouldBe(4);
        entries.Select(e => e.Shard).Distinct().Count().ShouldBe(1);
        entries.Select(e => e.Seq).ShouldBe(entries.Select(e => e.Seq).Distinct().Order());
        var (first, second, third) = (entries[0], entries[1], entries[3]);

        ShouldBeIntact(await VerifyAsync(app));
        (await VerifyByCommandLineAsync(app)).ShouldBe(0);

        // 1. Content: an entry's data is altered.
        await app.WithDbAsync(db => db.Database.ExecuteSqlAsync(
            $"UPDATE platform_audit_entries SET data = {"{\"name\":\"someone else\"}"} WHERE shard = {second.Shard} AND seq = {second.Seq}"));
        ShouldBeBrokenAt(await VerifyAsync(app), second);
        (await VerifyByCommandLineAsync(app)).ShouldBe(3);
        await app.WithDbAsync(db => db.Database.ExecuteSqlAsync(
            $"UPDATE platform_audit_entries SET data = {second.Data} WHERE shard = {second.Shard} AND seq = {second.Seq}"));
        ShouldBeIntact(await VerifyAsync(app));

        // 2. Order: two entries of one chain exchange their places (their seq values, through a temporary value).
        async Task Swap(AuditEntry a, AuditEntry b) => await app.WithDbAsync(async db =>
        {
            await db.Database.ExecuteSqlAsync($"UPDATE platform_audit_entries SET seq = {-1L} WHERE shard = {a.Shard} AND seq = {a.Seq}");
            await db.Database.ExecuteSqlAsync($"UPDATE platform_audit_entries SET seq = {a.Seq} WHERE shard = {b.Shard} AND seq = {b.Seq}");
            return await db.Database.ExecuteSqlAsync($"UPDATE platform_audit_entries SET seq = {b.Seq} WHERE shard = {a.Shard} AND seq = {-1L}");
        });
        await Swap(first, third);
        ShouldBeBrokenAt(await VerifyAsync(app), first);
        (await VerifyByCommandLineAsync(app)).ShouldBe(3);
        await Swap(first, third);
        ShouldBeIntact(await VerifyAsync(app));
        (await VerifyByCommandLineAsync(app)).ShouldBe(0);

        // 3. Presence: a middle entry is deleted; everything before it (earlier chains, earlier entries of its chain) checks out.
        await app.WithDbAsync(db => db.Database.ExecuteSqlAsync($"DELETE FROM platform_audit_entries WHERE shard = {second.Shard} AND seq = {second.Seq}"));
        // (counted before verifying: the verification is itself audited)
        var before = await app.WithDbAsync(db => db.Set<AuditEntry>().CountAsync(e => e.Shard < second.Shard || (e.Shard == second.Shard && e.Seq < second.Seq)));
        var afterDelete = await VerifyAsync(app);
        ShouldBeBrokenAt(afterDelete, second);
        afterDelete.GetProperty("entriesChecked").GetInt64().ShouldBe(before);
        (await VerifyByCommandLineAsync(app)).ShouldBe(3);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Concurrent_registrations_keep_every_chain_intact_and_contiguous(Provider provider)
    {
        var app = await apps.For(provider);
        using var admin = await app.As(Demo.Admin);
        var bins = Enumerable.Range(0, 32).Select(_ => Demo.NewBin()).ToList();

        var responses = await Task.WhenAll(bins.Select(bin => admin.PostAsJsonAsync("/api/v1/employers", NewEmployer(bin))));

        foreach (var r in responses) r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        ShouldBeIntact(await VerifyAsync(app));
        var chains = await app.WithDbAsync(db => db.Set<AuditEntry>().AsNoTracking().Select(e => new { e.Shard, e.Seq }).ToListAsync());
        foreach (var chain in chains.GroupBy(e => e.Shard))
        {
            var seqs = chain.Select(e => e.Seq).Order().ToList();
            seqs.ShouldBe(Enumerable.Range(1, seqs.Count).Select(i => (long)i).ToList(), $"chain {chain.Key}");
        }
        chains.Select(e => e.Shard).Distinct().Count().ShouldBeGreaterThan(1); // 32 subjects do not all land in one chain
        var registered = await app.WithDbAsync(db => db.Set<AuditEntry>().AsNoTracking()
            .CountAsync(e => e.Type == PlatformAuditEvents.EmployerRegistered.Code && bins.Contains(e.EntityId!)));
        registered.ShouldBe(32);
    }
}
