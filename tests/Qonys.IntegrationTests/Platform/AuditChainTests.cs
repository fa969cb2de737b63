using Microsoft.EntityFrameworkCore;
using Qonys.Web.Platform.Audit;
using Qonys.Web.Platform.Hosting;
using static Qonys.IntegrationTests.Platform.PlatformTestKit;

namespace Qonys.IntegrationTests.Platform;

/// <summary>The hash chain over real API calls: intact, then tampered (content, order, a removed row), by endpoint and CLI.</summary>
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

    static void ShouldBeBrokenAt(JsonElement verification, long seq)
    {
        verification.GetProperty("intact").GetBoolean().ShouldBeFalse(verification.ToString());
        verification.GetProperty("firstBrokenSeq").GetInt64().ShouldBe(seq, verification.ToString());
    }

    static void ShouldBeIntact(JsonElement verification)
    {
        verification.GetProperty("intact").GetBoolean().ShouldBeTrue(verification.ToString());
        verification.GetProperty("firstBrokenSeq").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Tampering_with_content_order_or_presence_is_detected(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var admin = await app.As(Demo.Admin);
        var bins = Enumerable.Range(0, 4).Select(_ => Demo.NewBin()).ToList();
        foreach (var bin in bins)
            (await admin.PostAsJsonAsync("/api/v1/employers", NewEmployer(bin))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var entries = await app.WithDbAsync(db => db.Set<AuditEntry>().AsNoTracking()
            .Where(e => e.Type == PlatformAuditEvents.EmployerRegistered.Code && bins.Contains(e.EntityId!))
            .OrderBy(e => e.Seq).ToListAsync());
        entries.Count.ShouldBe(4);
        var (first, second, third) = (entries[0], entries[1], entries[3]);

        ShouldBeIntact(await VerifyAsync(app));
        (await VerifyByCommandLineAsync(app)).ShouldBe(0);

        // 1. Content: an entry's data is altered.
        await app.WithDbAsync(db => db.Database.ExecuteSqlAsync(
            $"UPDATE platform_audit_entries SET data = {"{\"name\":\"someone else\"}"} WHERE seq = {second.Seq}"));
        ShouldBeBrokenAt(await VerifyAsync(app), second.Seq);
        (await VerifyByCommandLineAsync(app)).ShouldBe(3);
        await app.WithDbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE platform_audit_entries SET data = {second.Data} WHERE seq = {second.Seq}"));
        ShouldBeIntact(await VerifyAsync(app));

        // 2. Order: two entries exchange their places (their seq values, through a temporary value).
        async Task Swap(long a, long b) => await app.WithDbAsync(async db =>
        {
            await db.Database.ExecuteSqlAsync($"UPDATE platform_audit_entries SET seq = {-1L} WHERE seq = {a}");
            await db.Database.ExecuteSqlAsync($"UPDATE platform_audit_entries SET seq = {a} WHERE seq = {b}");
            return await db.Database.ExecuteSqlAsync($"UPDATE platform_audit_entries SET seq = {b} WHERE seq = {-1L}");
        });
        await Swap(first.Seq, third.Seq);
        ShouldBeBrokenAt(await VerifyAsync(app), first.Seq);
        (await VerifyByCommandLineAsync(app)).ShouldBe(3);
        await Swap(first.Seq, third.Seq);
        ShouldBeIntact(await VerifyAsync(app));
        (await VerifyByCommandLineAsync(app)).ShouldBe(0);

        // 3. Presence: a middle entry is deleted.
        await app.WithDbAsync(db => db.Database.ExecuteSqlAsync($"DELETE FROM platform_audit_entries WHERE seq = {second.Seq}"));
        var afterDelete = await VerifyAsync(app);
        ShouldBeBrokenAt(afterDelete, second.Seq);
        afterDelete.GetProperty("entriesChecked").GetInt64().ShouldBe(second.Seq - 1);
        (await VerifyByCommandLineAsync(app)).ShouldBe(3);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Concurrent_registrations_keep_the_chain_intact_and_contiguous(Provider provider)
    {
        var app = await apps.For(provider);
        using var admin = await app.As(Demo.Admin);
        var bins = Enumerable.Range(0, 32).Select(_ => Demo.NewBin()).ToList();

        var responses = await Task.WhenAll(bins.Select(bin => admin.PostAsJsonAsync("/api/v1/employers", NewEmployer(bin))));

        foreach (var r in responses) r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        ShouldBeIntact(await VerifyAsync(app));
        var seqs = await app.WithDbAsync(db => db.Set<AuditEntry>().AsNoTracking().OrderBy(e => e.Seq).Select(e => e.Seq).ToListAsync());
        seqs.ShouldBe(Enumerable.Range(1, seqs.Count).Select(i => (long)i).ToList());
        var registered = await app.WithDbAsync(db => db.Set<AuditEntry>().AsNoTracking()
            .CountAsync(e => e.Type == PlatformAuditEvents.EmployerRegistered.Code && bins.Contains(e.EntityId!)));
        registered.ShouldBe(32);
    }
}
