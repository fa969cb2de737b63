using System.Diagnostics;
using System.Net.Http.Headers;
using Npgsql;
using Qonys.IntegrationTests.Permits.Race;
using Qonys.Web.Platform.Data;
using Xunit.Abstractions;
using static Qonys.IntegrationTests.Permits.PermitScenario;

namespace Qonys.IntegrationTests.Permits;

/// <summary>
/// The quota race on PostgreSQL: two app processes on one database, 64 concurrent clients competing for a quota row
/// with a few places left, round after round. And the same load on a deliberately naive read-then-write allocator,
/// which must oversubscribe — proof that these checks would catch a naive implementation.
/// </summary>
public sealed class QuotaRaceTests(ITestOutputHelper output)
{
    const int Rounds = 100;
    const int Clients = 64;
    const int PlacesLeft = 5;
    const string DemoBin = "990340001230";
    static readonly string[] QuotaCategories = ["1", "2", "3", "4", "seasonal"];

    [PostgresFact]
    public async Task Two_app_processes_and_64_clients_never_oversubscribe_a_quota_round_after_round()
    {
        var clock = Stopwatch.StartNew();
        var connectionString = await (await PostgresServer.SharedAsync()).CreateDatabaseAsync("race");
        // The first node migrates and loads the demo data; the second starts on the prepared database.
        await using var first = await AppNode.StartAsync(connectionString, TimeSpan.FromMinutes(3));
        await using var second = await AppNode.StartAsync(connectionString, TimeSpan.FromMinutes(3));
        using var toFirst = Client(first);
        using var toSecond = Client(second);
        output.WriteLine($"nodes ready after {clock.Elapsed.TotalSeconds:F1} s");
        var outcome = await RaceAsync([toFirst, toSecond], connectionString, Rounds);
        output.WriteLine($"{Rounds} rounds × {Clients} clients on 2 nodes: {outcome.Accepted} applications accepted, {outcome.Refused} refused (422 quota), " +
                         $"{outcome.Approved} approved; {clock.Elapsed.TotalSeconds:F1} s in all");
    }

    internal sealed record RaceOutcome(int Accepted, int Refused, int Approved, IReadOnlyList<string> PermitNumbers);

    /// <summary>
    /// The race and its oracle, <paramref name="rounds"/> times: a quota row with 5 places left, 64 concurrent clients
    /// spread over <paramref name="nodes"/> (app nodes, or one load balancer in front of several) asking for 1–2 places
    /// each; never more accepted than left, the ledger moved by exactly the accepted places; then approvals.
    /// </summary>
    internal static async Task<RaceOutcome> RaceAsync(HttpClient[] nodes, string connectionString, int rounds)
    {
        // One token per account, each issued by one node and used on all (data-protection keys live in the database).
        var admin = await TokenAsync(nodes[0], Demo.Admin);
        var employer = await TokenAsync(nodes[^1], Demo.Employer);
        var probe = new LedgerProbe(connectionString);
        var regions = await probe.CurrentRegionsAsync();
        regions.Count.ShouldBeGreaterThan(0);
        var rows = regions.SelectMany(r => QuotaCategories.Select(c => (Region: r, Category: c))).ToList();
        var year = DateTime.UtcNow.Year;
        var random = new Random(20261122);
        int accepted = 0, refused = 0, approved = 0;
        var permits = new List<string>();

        for (var round = 0; round < rounds; round++)
        {
            var (region, category) = rows[round % rows.Count];
            var before = await probe.ReadAsync(year, region, category);
            var cap = (before?.Committed ?? 0) + PlacesLeft;
            var set = await Send(nodes[round % nodes.Length], admin, HttpMethod.Put, $"/api/v1/quotas/{year}/{region}/{category}",
                new { cap, reason = $"race round {round}" });
            set.Status.ShouldBe(HttpStatusCode.OK, set.Body);

            var workers = Enumerable.Range(0, Clients).Select(_ => random.Next(1, 3)).ToArray();
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var pending = Enumerable.Range(0, Clients).Select(async i =>
            {
                await start.Task;
                return await Send(nodes[i % nodes.Length], i % 4 < 2 ? admin : employer, HttpMethod.Post, "/api/v1/permit-applications",
                    Application(DemoBin, region, category, workers[i], salary: 2_000_000));
            }).ToArray();
            start.SetResult();
            var answers = await Task.WhenAll(pending);

            var winners = new List<(string Id, int Workers)>();
            for (var i = 0; i < Clients; i++)
            {
                var (status, body) = answers[i];
                var where = $"round {round} ({region}/{category}) client {i}: {(int)status} {body}";
                if (status == HttpStatusCode.Created)
                {
                    var created = JsonDocument.Parse(body).RootElement;
                    created.GetProperty("status").GetString().ShouldBe("submitted", where);
                    winners.Add((created.GetProperty("id").GetString()!, workers[i]));
                }
                else
                {
                    status.ShouldBe(HttpStatusCode.UnprocessableEntity, where);
                    JsonDocument.Parse(body).RootElement.GetProperty("rule").GetString().ShouldBe("quota", where);
                }
            }
            var acceptedPlaces = winners.Sum(w => w.Workers);
            acceptedPlaces.ShouldBeLessThanOrEqualTo(PlacesLeft, $"round {round}: accepted places beyond the {PlacesLeft} left");
            // Free places only shrink during a round, so a refused request saw fewer places than it asked for at a moment
            // when at most that many were free; with requests of 1 or 2 places and 64 of them, at most 1 place stays free.
            acceptedPlaces.ShouldBeGreaterThanOrEqualTo(PlacesLeft - 1, $"round {round}: places left unused");
            var after = (await probe.ReadAsync(year, region, category))!;
            after.Cap.ShouldBe(cap);
            after.Committed.ShouldBeLessThanOrEqualTo(after.Cap, $"round {round}: ledger oversubscribed");
            after.Committed.ShouldBe((before?.Committed ?? 0) + acceptedPlaces, $"round {round}: ledger moved by other than the accepted places");
            after.Reserved.ShouldBe((int)after.SubmittedWorkers, $"round {round}: reserved is not the workers of the submitted applications");

            // An officer's work, spread over both nodes: approve every other winner; reservation becomes use.
            var toApprove = winners.Where((_, k) => k % 2 == 0).ToList();
            var decisions = await Task.WhenAll(toApprove.Select((w, k) =>
                Send(nodes[k % nodes.Length], admin, HttpMethod.Post, $"/api/v1/permit-applications/{w.Id}/approve", null)));
            for (var k = 0; k < decisions.Length; k++)
            {
                decisions[k].Status.ShouldBe(HttpStatusCode.OK, decisions[k].Body);
                var decided = JsonDocument.Parse(decisions[k].Body).RootElement;
                decided.GetProperty("status").GetString().ShouldBe("approved");
                decided.GetProperty("permitNumbers").GetArrayLength().ShouldBe(toApprove[k].Workers);
                permits.AddRange(decided.GetProperty("permitNumbers").EnumerateArray().Select(n => n.GetString()!));
            }
            var decidedRow = (await probe.ReadAsync(year, region, category))!;
            decidedRow.Used.ShouldBe((int)decidedRow.PermitsIssued, $"round {round}: used is not the permits issued");
            decidedRow.Used.ShouldBe(after.Used + toApprove.Sum(w => w.Workers));
            decidedRow.Reserved.ShouldBe((int)decidedRow.SubmittedWorkers, $"round {round}: reserved after approvals");
            decidedRow.Committed.ShouldBe(after.Committed);

            accepted += winners.Count;
            refused += Clients - winners.Count;
            approved += toApprove.Count;
        }
        return new RaceOutcome(accepted, refused, approved, permits);
    }

    /// <summary>
    /// The teeth: the same load (64 concurrent requests of 1–2 places against 5 free places) on a read-then-write
    /// allocator. On a copy of the ledger table without its check constraint (a separate table created here with
    /// <c>LIKE permits_quota_ledger</c>, which copies columns and NOT NULL but not CHECK constraints) it must
    /// oversubscribe in at least one round; on the real table the constraint must refuse some of its writes (the race
    /// test above would see those as 500 answers).
    /// </summary>
    [PostgresFact]
    public async Task A_naive_read_then_write_allocator_under_the_same_load_oversubscribes()
    {
        var connectionString = await (await PostgresServer.SharedAsync()).CreateDatabaseAsync("naive");
        await using var db = NpgsqlDataSource.Create(connectionString);
        foreach (var (_, sql) in Migrator.Scripts(postgres: true))
        {
            await using var migrate = db.CreateCommand(sql);
            await migrate.ExecuteNonQueryAsync();
        }
        await using (var copy = db.CreateCommand("CREATE TABLE naive_quota_ledger (LIKE permits_quota_ledger INCLUDING DEFAULTS INCLUDING INDEXES)"))
            await copy.ExecuteNonQueryAsync();
        const int naiveRounds = 40;
        var random = new Random(7);

        var oversubscribedRounds = 0;
        for (var round = 0; round < naiveRounds; round++)
        {
            var result = await NaiveRoundAsync(db, "naive_quota_ledger", $"N{round}", random);
            if (result.Committed > result.Cap) oversubscribedRounds++;
        }
        output.WriteLine($"naive allocator on the unconstrained copy: {oversubscribedRounds} of {naiveRounds} rounds oversubscribed");
        oversubscribedRounds.ShouldBeGreaterThan(0, "the naive allocator never oversubscribed: the load does not race");

        var refusedByConstraint = 0;
        for (var round = 0; round < naiveRounds; round++)
        {
            var result = await NaiveRoundAsync(db, "permits_quota_ledger", $"C{round}", random);
            result.Committed.ShouldBeLessThanOrEqualTo(result.Cap);
            refusedByConstraint += result.CheckViolations;
        }
        output.WriteLine($"naive allocator on the real table: {refusedByConstraint} writes refused by ck_permits_quota_ledger_within_cap");
        refusedByConstraint.ShouldBeGreaterThan(0);
    }

    sealed record NaiveRound(int Cap, int Committed, int CheckViolations);

    static async Task<NaiveRound> NaiveRoundAsync(NpgsqlDataSource db, string table, string region, Random random)
    {
        var year = DateTime.UtcNow.Year;
        await using var insert = db.CreateCommand($"INSERT INTO {table} (year, region_code, category, cap, reserved, used, released) VALUES ($1, $2, '3', $3, 0, 0, 0)");
        insert.Parameters.Add(new NpgsqlParameter { Value = year });
        insert.Parameters.Add(new NpgsqlParameter { Value = region });
        insert.Parameters.Add(new NpgsqlParameter { Value = PlacesLeft });
        await insert.ExecuteNonQueryAsync();
        var allocator = new NaiveAllocator(db, table);
        var places = Enumerable.Range(0, Clients).Select(_ => random.Next(1, 3)).ToArray();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var pending = places.Select(async n =>
        {
            await start.Task;
            try
            {
                await allocator.TryReserveAsync(year, region, "3", n);
                return 0;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.CheckViolation)
            {
                return 1;
            }
        }).ToArray();
        start.SetResult();
        var violations = (await Task.WhenAll(pending)).Sum();
        await using var read = db.CreateCommand($"SELECT cap, reserved + used FROM {table} WHERE year = $1 AND region_code = $2 AND category = '3'");
        read.Parameters.Add(new NpgsqlParameter { Value = year });
        read.Parameters.Add(new NpgsqlParameter { Value = region });
        await using var reader = await read.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new NaiveRound(reader.GetInt32(0), reader.GetInt32(1), violations);
    }

    /// <summary>
    /// Deliberately wrong, kept only here: reads the free places, then — in a separate statement, autocommit at READ
    /// COMMITTED — adds the reservation without re-checking, so concurrent callers all act on the same stale read.
    /// </summary>
    sealed class NaiveAllocator(NpgsqlDataSource db, string table)
    {
        public async Task<bool> TryReserveAsync(int year, string region, string category, int places)
        {
            await using var conn = await db.OpenConnectionAsync();
            int cap, reserved, used;
            await using (var read = new NpgsqlCommand($"SELECT cap, reserved, used FROM {table} WHERE year = $1 AND region_code = $2 AND category = $3", conn))
            {
                read.Parameters.Add(new NpgsqlParameter { Value = year });
                read.Parameters.Add(new NpgsqlParameter { Value = region });
                read.Parameters.Add(new NpgsqlParameter { Value = category });
                await using var reader = await read.ExecuteReaderAsync();
                await reader.ReadAsync();
                (cap, reserved, used) = (reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2));
            }
            if (cap - reserved - used < places) return false;
            await using var write = new NpgsqlCommand($"UPDATE {table} SET reserved = reserved + $1 WHERE year = $2 AND region_code = $3 AND category = $4", conn);
            write.Parameters.Add(new NpgsqlParameter { Value = places });
            write.Parameters.Add(new NpgsqlParameter { Value = year });
            write.Parameters.Add(new NpgsqlParameter { Value = region });
            write.Parameters.Add(new NpgsqlParameter { Value = category });
            await write.ExecuteNonQueryAsync();
            return true;
        }
    }

    static HttpClient Client(AppNode node) => Client(node.BaseAddress, Clients / 2);

    internal static HttpClient Client(Uri address, int connections) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = connections }) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };

    static async Task<string> TokenAsync(HttpClient node, string email)
    {
        using var response = await node.PostAsJsonAsync("/api/v1/auth/token", new { email, password = Qonys.Web.Platform.Demo.DemoAccounts.Password });
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("accessToken").GetString()!;
    }

    static async Task<(HttpStatusCode Status, string Body)> Send(HttpClient node, string token, HttpMethod method, string url, object? body)
    {
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null) request.Content = JsonContent.Create(body);
        using var response = await node.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
