using System.Collections.Concurrent;
using System.Data.Common;
using System.Net.Http.Headers;
using Microsoft.Data.Sqlite;
using Npgsql;
using Qonys.IntegrationTests.Permits.Race;
using static Qonys.IntegrationTests.Platform.PlatformTestKit;

namespace Qonys.IntegrationTests.Security;

/// <summary>
/// Issue 11, point 8: after <c>kill -9</c> during a burst of idempotent POSTs, keys stayed claimed without an answer and
/// their retries were 409 "still being processed" for 48 hours, although the work had been committed. A keyed request
/// is now one transaction (claim, work, stored answer), so after a real SIGKILL of a real app process every retry gets
/// the committed answer or does the work, exactly once, and no key is left claimed.
/// </summary>
public sealed class IdempotencyCrashTests(Xunit.Abstractions.ITestOutputHelper output)
{
    const string DemoBin = "990340001230";
    static readonly TimeSpan ReadyWithin = TimeSpan.FromMinutes(4);
    /// <summary>Concurrent senders: enough that the kill finds requests at every stage (claimed, working, answering).</summary>
    const int Lanes = 16;

    sealed record Sent(string Url, string Key, string Body, string Marker)
    {
        public HttpStatusCode? Status { get; set; }
        public string? Answer { get; set; }
        public HttpStatusCode Final { get; set; }
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_retry_after_kill_9_gets_the_committed_answer_or_does_the_work_once(Provider provider)
    {
        var folder = Path.Combine(Path.GetTempPath(), "qonys-crash-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(folder);
        try
        {
            var (name, connectionString) = provider == Provider.Postgres
                ? ("postgresql", await (await PostgresServer.SharedAsync()).CreateDatabaseAsync())
                : ("sqlite", $"Data Source={Path.Combine(folder, "qonys.db")};Default Timeout=30;Pooling=true");

            var sent = new ConcurrentQueue<Sent>();
            await using (var node = await AppNode.StartAsync(connectionString, ReadyWithin, name))
            {
                using var client = await AdminAsync(node);
                using var stop = new CancellationTokenSource();
                var answered = 0;
                var senders = Enumerable.Range(0, Lanes).Select(lane => Task.Run(async () =>
                {
                    for (var i = 0; !stop.IsCancellationRequested; i++)
                    {
                        var request = lane % 2 == 0 ? EmployerRegistration() : PermitApplication();
                        sent.Enqueue(request);
                        try
                        {
                            using var response = await client.SendAsync(Post(request), CancellationToken.None);
                            request.Answer = await response.Content.ReadAsStringAsync(CancellationToken.None);
                            request.Status = response.StatusCode;
                            Interlocked.Increment(ref answered);
                        }
                        catch (HttpRequestException) { return; } // the node is gone: this request has no answer
                        catch (TaskCanceledException) { return; }
                    }
                })).ToList();
                var deadline = DateTime.UtcNow.AddMinutes(2);
                while (Volatile.Read(ref answered) < 40 && DateTime.UtcNow < deadline) await Task.Delay(20);
                await Task.Delay(Random.Shared.Next(5, 60)); // not on an answer's heels: at any moment of the burst
                await node.KillAsync(); // SIGKILL in the middle of the burst
                await stop.CancelAsync();
                await Task.WhenAll(senders);
            }

            var all = sent.ToList();
            all.Count(s => s.Status is not null).ShouldBeGreaterThanOrEqualTo(40);
            all.Where(s => s.Status is not null).ShouldAllBe(s => (int)s.Status! < 500);
            var unanswered = all.Where(s => s.Status is null).ToList();
            unanswered.ShouldNotBeEmpty("the kill must cut off requests in flight");
            output.WriteLine($"{provider}: {all.Count} keyed POSTs, {all.Count - unanswered.Count} answered before the kill, {unanswered.Count} cut off");

            // Nothing of the killed process is left half-done: no key is claimed without its answer.
            (await ScalarAsync(provider, connectionString, "SELECT COUNT(*) FROM platform_idempotency_keys WHERE NOT completed")).ShouldBe(0);

            await using (var node = await AppNode.StartAsync(connectionString, ReadyWithin, name))
            {
                using var client = await AdminAsync(node);
                foreach (var request in all)
                {
                    using var retry = await client.SendAsync(Post(request));
                    var text = await retry.Content.ReadAsStringAsync();
                    request.Final = retry.StatusCode;
                    if (request.Status is { } first)
                    {
                        // Answered before the kill: the retry replays exactly that answer.
                        retry.StatusCode.ShouldBe(first, text);
                        text.ShouldBe(request.Answer);
                        retry.Headers.Contains("Idempotent-Replayed").ShouldBeTrue(text);
                    }
                    else
                    {
                        // Cut off: either committed (the retry replays it) or not (the retry does the work now); never 409.
                        ((int)retry.StatusCode).ShouldBeInRange(200, 499, text);
                        retry.StatusCode.ShouldNotBe(HttpStatusCode.Conflict, text);
                    }
                    using var again = await client.SendAsync(Post(request));
                    (await again.Content.ReadAsStringAsync()).ShouldBe(text, "a second retry replays the first");
                }
            }

            // The work was done exactly once per key that was accepted (and not at all where it was refused), whether it
            // was answered, cut off or retried.
            all.Count(s => s.Final == HttpStatusCode.Created).ShouldBeGreaterThan(0);
            foreach (var request in all)
            {
                var created = request.Url.EndsWith("/employers", StringComparison.Ordinal)
                    ? await ScalarAsync(provider, connectionString, $"SELECT COUNT(*) FROM registry_employers WHERE bin = '{request.Marker}'")
                    : await ScalarAsync(provider, connectionString,
                        $"SELECT COUNT(*) FROM permits_application_workers WHERE passport_number = '{request.Marker}'");
                created.ShouldBe(request.Final == HttpStatusCode.Created ? 1 : 0, $"{request.Url} with key {request.Key} (answered before the kill: {request.Status?.ToString() ?? "no"})");
            }
            (await ScalarAsync(provider, connectionString, "SELECT COUNT(*) FROM platform_idempotency_keys WHERE NOT completed")).ShouldBe(0);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); }
            catch (IOException) { }
        }
    }

    static Sent EmployerRegistration()
    {
        var bin = Demo.NewBin();
        return new("/api/v1/employers", Guid.NewGuid().ToString(), JsonSerializer.Serialize(NewEmployer(bin)), bin);
    }

    /// <summary>An application of the demo employer: its use case has a transaction of its own, joined to the request's.</summary>
    static Sent PermitApplication()
    {
        var passport = "C" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();
        var body = new
        {
            employerBin = DemoBin, regionCode = "KZ-35", category = "3", occupationCode = "2142", okedSection = "F", workerCount = 1,
            months = 12, monthlySalaryKzt = 900_000, vacancyPublishedOn = DateTime.UtcNow.AddDays(-30).ToString("yyyy-MM-dd"),
            workers = new[] { new { fullName = "Crash Test Worker", passportNumber = passport, citizenship = "CN", birthDate = "1990-05-01", education = "master" } },
        };
        return new("/api/v1/permit-applications", Guid.NewGuid().ToString(), JsonSerializer.Serialize(body), passport);
    }

    static HttpRequestMessage Post(Sent s)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, s.Url) { Content = new StringContent(s.Body, new MediaTypeHeaderValue("application/json")) };
        request.Headers.Add("Idempotency-Key", s.Key);
        return request;
    }

    static async Task<HttpClient> AdminAsync(AppNode node)
    {
        var client = new HttpClient { BaseAddress = node.BaseAddress, Timeout = TimeSpan.FromSeconds(100) };
        var token = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = Demo.Admin, password = Qonys.Web.Platform.Demo.DemoAccounts.Password });
        token.EnsureSuccessStatusCode();
        var accessToken = (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    static async Task<long> ScalarAsync(Provider provider, string connectionString, string sql)
    {
        await using DbConnection connection = provider == Provider.Postgres ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
