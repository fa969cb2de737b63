using System.Text;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Qonys.Web.Platform.Jobs;

/// <summary>
/// One node at a time for a job. On PostgreSQL a session-level advisory lock keyed by the job's name, held on a
/// connection of its own for the length of one run: another node's attempt fails at once and it skips that run; a node
/// that dies loses its session and with it the lock, so no lease can be left behind. On SQLite the database is one
/// process's file, so there is only one node and nothing to take.
/// </summary>
internal sealed class JobLocks(IOptions<QonysOptions> options)
{
    /// <summary>The first key of pg_try_advisory_lock(int, int), "Jobs"; the audit chain's locks use another.</summary>
    const int AdvisoryLockClass = 0x4A6F6273;

    /// <summary>What a job holds where no lock is needed.</summary>
    public static readonly IAsyncDisposable NotNeeded = new Nothing();

    /// <summary>The job's lock, to be disposed when the run ends; null while another node holds it.</summary>
    public async Task<IAsyncDisposable?> TryTakeAsync(string job, CancellationToken ct)
    {
        var database = options.Value.Database;
        if (!database.IsPostgres) return NotNeeded;
        // The configured connection string as it is: its pool resets a returned connection (DISCARD ALL), which also
        // releases the lock should the explicit unlock not have run.
        var connection = new NpgsqlConnection(database.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@class, @key)", connection);
            command.Parameters.AddWithValue("class", AdvisoryLockClass);
            command.Parameters.AddWithValue("key", KeyOf(job));
            if (await command.ExecuteScalarAsync(ct) is true) return new Held(connection, KeyOf(job));
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
        await connection.DisposeAsync();
        return null;
    }

    /// <summary>A stable hash (FNV-1a) of the job's name: the same on every node and every run.</summary>
    internal static int KeyOf(string job)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(job)) hash = (hash ^ b) * 16777619u;
        return unchecked((int)hash);
    }

    sealed class Held(NpgsqlConnection connection, int key) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@class, @key)", connection);
                command.Parameters.AddWithValue("class", AdvisoryLockClass);
                command.Parameters.AddWithValue("key", key);
                await command.ExecuteScalarAsync(CancellationToken.None);
            }
            finally
            {
                await connection.DisposeAsync();
            }
        }
    }

    sealed class Nothing : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
