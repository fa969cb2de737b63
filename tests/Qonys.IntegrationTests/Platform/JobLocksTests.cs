using Microsoft.Extensions.Options;
using Qonys.Web.Platform.Hosting;
using Qonys.Web.Platform.Jobs;

namespace Qonys.IntegrationTests.Platform;

/// <summary>One node at a time: two app nodes on one PostgreSQL database never hold the same job's lock at once.</summary>
public sealed class JobLocksTests
{
    static JobLocks Node(string connectionString) =>
        new(Options.Create(new QonysOptions { Database = new DatabaseOptions { Provider = "postgresql", ConnectionString = connectionString } }));

    [PostgresFact]
    public async Task A_second_node_is_refused_a_held_job_until_the_first_lets_it_go()
    {
        var database = await (await PostgresServer.SharedAsync()).CreateDatabaseAsync();
        var (first, second) = (Node(database), Node(database));

        var held = await first.TryTakeAsync("PermitLifecycleJob", CancellationToken.None);
        held.ShouldNotBeNull();
        (await second.TryTakeAsync("PermitLifecycleJob", CancellationToken.None)).ShouldBeNull();
        // Another job is not held up.
        await using (var other = await second.TryTakeAsync("IdempotencyKeyCleanup", CancellationToken.None)) other.ShouldNotBeNull();

        await held.DisposeAsync();
        await using var after = await second.TryTakeAsync("PermitLifecycleJob", CancellationToken.None);
        after.ShouldNotBeNull();
    }

    [PostgresFact]
    public async Task A_node_that_loses_its_connection_loses_the_lock()
    {
        var database = await (await PostgresServer.SharedAsync()).CreateDatabaseAsync();
        var (first, second) = (Node(database), Node(database));
        var held = await first.TryTakeAsync("NotificationJob", CancellationToken.None);
        held.ShouldNotBeNull();

        // The node dies: its session ends (terminated by the server), and the job is free for the next node.
        await using (var admin = new Npgsql.NpgsqlConnection(database))
        {
            await admin.OpenAsync();
            await using var kill = new Npgsql.NpgsqlCommand(
                "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND pid <> pg_backend_pid()", admin);
            await kill.ExecuteNonQueryAsync();
        }
        var deadline = DateTime.UtcNow.AddSeconds(30);
        IAsyncDisposable? taken;
        while ((taken = await second.TryTakeAsync("NotificationJob", CancellationToken.None)) is null && DateTime.UtcNow < deadline)
            await Task.Delay(50);
        taken.ShouldNotBeNull();
        await taken.DisposeAsync();
    }
}
