using System.Net.Sockets;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Qonys.IntegrationTests.Permits;
using Qonys.IntegrationTests.Platform;
using Qonys.Web.Platform.Demo;
using Qonys.Web.Platform.Reference;

namespace Qonys.IntegrationTests.Infrastructure;

/// <summary>An app of the infrastructure tests' own, which they are free to change.</summary>
public sealed class OwnApp : IAsyncLifetime
{
    public TestApp App { get; private set; } = null!;
    public async Task InitializeAsync() => App = await TestApp.StartAsync(Provider.Sqlite);
    public async Task DisposeAsync() => await App.DisposeAsync();
}

/// <summary>The test kit's own promises: what it reports, what it isolates, which clock it shares.</summary>
public sealed class TestInfrastructureTests(OwnApp own) : IClassFixture<OwnApp>
{
    [Fact]
    public void A_missing_requirement_skips_with_its_reason_except_in_ci_where_the_test_runs_and_fails()
    {
        Requirements.SkipReason(available: false, "no PostgreSQL", inCi: false).ShouldBe("no PostgreSQL");
        Requirements.SkipReason(available: false, "no PostgreSQL", inCi: true).ShouldBeNull();
        Requirements.SkipReason(available: true, "no PostgreSQL", inCi: false).ShouldBeNull();
    }

    [Fact]
    public void Every_demo_account_is_a_row_on_both_providers_whether_or_not_postgresql_is_installed()
    {
        var method = typeof(AuthTests).GetMethod(nameof(AuthTests.Every_demo_account_gets_a_token_that_signs_it_in))!;
        var rows = method.GetCustomAttributes<OnProviderAttribute>().SelectMany(a => a.GetData(method)).ToList();
        rows.Count.ShouldBe(2 * DemoAccounts.All.Count);
        rows.Count(r => (Provider)r[0] == Provider.Postgres).ShouldBe(DemoAccounts.All.Count);
        rows.Select(r => ((Provider)r[0], (string)r[1])).ShouldBeUnique();
    }

    [PostgresFact]
    public async Task PostgreSQL_starts_on_another_port_when_the_picked_one_is_taken()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var taken = ((IPEndPoint)squatter.LocalEndpoint).Port;
        var picks = new Queue<int>([taken]);

        await using var server = await PostgresServer.StartAsync(() => picks.TryDequeue(out var port) ? port : FreshPort());

        server.Port.ShouldNotBe(taken);
        await using var connection = new NpgsqlConnection(server.ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var select = new NpgsqlCommand("select 1", connection);
        (await select.ExecuteScalarAsync()).ShouldBe(1);
    }

    static int FreshPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Fact]
    public void The_app_and_its_tests_read_the_same_clock_and_it_moves_on_when_told()
    {
        var app = own.App;
        // Every "today" of the server comes from its TimeProvider: the tests' clock.
        app.Services.GetService(typeof(TimeProvider)).ShouldBeSameAs(app.Clock);
        var before = app.Clock.GetUtcNow();
        app.Clock.Advance(TimeSpan.FromSeconds(2));
        (app.Clock.GetUtcNow() - before).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(2));
        app.Clock.Today.ShouldBe(DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime));
    }

    [Fact]
    public async Task A_change_to_the_shared_rule_values_is_reported_to_the_next_test_once()
    {
        var app = own.App;
        var state = await SharedState.TakeAsync(app);
        await state.VerifyUnchangedAsync();
        await app.WithDbAsync(db => db.Set<RuleValue>().Where(r => r.Key == "household.max_workers").ExecuteUpdateAsync(s => s.SetProperty(r => r.Value, 6m)));

        var reported = await Should.ThrowAsync<InvalidOperationException>(state.VerifyUnchangedAsync);

        reported.Message.ShouldContain("rule household.max_workers");
        reported.Message.ShouldContain("= 6");
        await state.VerifyUnchangedAsync(); // reported once: the next test compares with the changed state
    }

    [Fact]
    public async Task Quota_rows_are_claimed_once_each_and_never_the_lifecycle_tests_row()
    {
        var scenario = new PermitScenario(own.App);
        var karaganda = new List<(string, string)>();
        for (var i = 0; i < 4; i++) karaganda.Add(await scenario.ClaimQuotaRowAsync(LifecycleSteps.Region));
        await Should.ThrowAsync<InvalidOperationException>(() => scenario.ClaimQuotaRowAsync(LifecycleSteps.Region));
        karaganda.ShouldBeUnique();
        karaganda.ShouldNotContain((LifecycleSteps.Region, LifecycleSteps.Category));

        var elsewhere = new List<(string Region, string Category)>();
        for (var i = 0; i < 18 * 5; i++) elsewhere.Add(await scenario.ClaimQuotaRowAsync());
        await Should.ThrowAsync<InvalidOperationException>(() => scenario.ClaimQuotaRowAsync());
        elsewhere.ShouldBeUnique();
        elsewhere.ShouldAllBe(r => r.Region != "KZ-35" && r.Region != "KZ-71");
    }
}
