using Npgsql;
using Qonys.IntegrationTests.Permits;
using Qonys.IntegrationTests.Permits.Race;
using Xunit.Abstractions;

namespace Qonys.IntegrationTests.Platform;

/// <summary>
/// Several nodes as deployed (docs/operations.md "Several nodes"): two app processes behind a real load balancer (nginx)
/// on one PostgreSQL database. The quota race holds across them, and a job both nodes schedule does its work once.
/// </summary>
public sealed class SeveralNodesTests(ITestOutputHelper output)
{
    const int Rounds = 20;

    [SeveralNodesFact]
    public async Task Behind_a_load_balancer_the_quota_race_holds_and_a_scheduled_job_runs_once()
    {
        var connectionString = await (await PostgresServer.SharedAsync()).CreateDatabaseAsync("nodes");
        // Both nodes run the permit lifecycle job every second: each would expire the same permit but for the job's lock.
        string[] settings = ["--Qonys:Jobs:PermitLifecycleIntervalSeconds=1"];
        await using var first = await AppNode.StartAsync(connectionString, TimeSpan.FromMinutes(3), "postgresql", settings);
        await using var second = await AppNode.StartAsync(connectionString, TimeSpan.FromMinutes(3), "postgresql", settings);
        await using var balancer = await LoadBalancer.StartAsync([first.BaseAddress, second.BaseAddress]);
        using var client = QuotaRaceTests.Client(balancer.BaseAddress, 64);

        // The balancer spreads requests over both nodes.
        var served = new HashSet<string>();
        for (var i = 0; i < 10; i++)
        {
            using var response = await client.GetAsync("/health/ready");
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            served.Add(response.Headers.GetValues("X-Upstream").Single());
        }
        served.Count.ShouldBe(2);

        // The quota race through the one address of the deployment, with the single-node test's oracle.
        var outcome = await QuotaRaceTests.RaceAsync([client], connectionString, Rounds);
        outcome.PermitNumbers.ShouldNotBeEmpty();
        output.WriteLine($"{Rounds} rounds × 64 clients via nginx on 2 nodes: {outcome.Accepted} accepted, {outcome.Refused} refused, {outcome.Approved} approved");

        // An active permit whose last valid day has passed (as if its fee had been paid a month ago): the job, on one
        // node at a time, expires it once.
        var number = outcome.PermitNumbers[0];
        await using var db = NpgsqlDataSource.Create(connectionString);
        await using (var past = db.CreateCommand(
                         "UPDATE permits_permits SET status = 'active', valid_from = current_date - 30, valid_until = current_date - 2 WHERE number = $1"))
        {
            past.Parameters.AddWithValue(number);
            (await past.ExecuteNonQueryAsync()).ShouldBe(1);
        }
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await ScalarAsync(db, "SELECT status FROM permits_permits WHERE number = $1", number) as string != "expired" && DateTime.UtcNow < deadline)
            await Task.Delay(200);
        (await ScalarAsync(db, "SELECT status FROM permits_permits WHERE number = $1", number)).ShouldBe("expired");
        await Task.Delay(TimeSpan.FromSeconds(3)); // several more runs on each node
        (await ScalarAsync(db, "SELECT count(*) FROM platform_audit_entries WHERE type = 'permits.permit_expired' AND entity_id = $1", number)).ShouldBe(1L);
        // Its notifications: some, and none twice (one per recipient and channel).
        (await ScalarAsync(db, "SELECT count(*) FROM platform_notifications WHERE body LIKE '%' || $1 || ' expired%'", number)).ShouldNotBe(0L);
        (await ScalarAsync(db, "SELECT count(*) - count(DISTINCT (user_id, channel)) FROM platform_notifications WHERE body LIKE '%' || $1 || ' expired%'", number))
            .ShouldBe(0L);
    }

    static async Task<object?> ScalarAsync(NpgsqlDataSource db, string sql, string parameter)
    {
        await using var command = db.CreateCommand(sql);
        command.Parameters.AddWithValue(parameter);
        return await command.ExecuteScalarAsync();
    }
}
