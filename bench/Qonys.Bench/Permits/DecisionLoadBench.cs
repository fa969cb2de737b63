using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Qonys.Bench.Platform;
using Qonys.Web.Platform.Demo;

namespace Qonys.Bench.Permits;

/// <summary>
/// Submit + approve decisions per second against a running app on PostgreSQL: each of N clients loops
/// "the demo employer submits a one-worker category 3 application → the region's officer (the Karaganda officer for
/// KZ-35, the administrator elsewhere) approves it" against quotas far larger than the run can use. With
/// <c>--quota-rows 1</c> every client works on the one quota row KZ-35/3; with <c>--quota-rows R</c> client i works on
/// region i mod R (regions in code order, KZ-35 first), as a national load spreads over the regions' rows.
/// Decisions = approvals completed in the measured window (after a warm-up). At the end the ledger is read straight
/// from the database: no row may be oversubscribed, and each benchmarked row's used places must equal its permits and
/// its reserved places the workers of its submitted applications.
/// Options: --url URL --connection-string CS [--clients 32] [--seconds 20] [--warmup-seconds 3] [--quota-rows 1].
/// Prints one RESULT line, then fails (exit code 1) on any error answer or exception of a request (warm-up included),
/// any oversubscribed ledger row, a benchmarked row whose ledger disagrees with its applications and permits, or no
/// decision at all.
/// </summary>
public sealed class DecisionLoadBench : IBench
{
    const string HomeRegion = "KZ-35";
    const string Category = "3";

    public string Name => "permits-decisions";

    public string Description => "submit + approve decisions/s and latency at N clients on a running app; needs --url, --connection-string";

    public async Task RunAsync(string[] args)
    {
        var options = new BenchArguments(args);
        var url = new Uri(options.Required("--url"));
        var connectionString = options.Required("--connection-string");
        var clients = options.Number("--clients", 32);
        var seconds = options.Number("--seconds", 20);
        var warmup = options.Number("--warmup-seconds", 3);
        var quotaRows = options.Number("--quota-rows", 1);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients }) { BaseAddress = url, Timeout = TimeSpan.FromSeconds(30) };
        var admin = await TokenAsync(http, "admin@demo.qonys.kz");
        var employer = await TokenAsync(http, "employer@demo.qonys.kz");
        var officer = await TokenAsync(http, "officer.karaganda@demo.qonys.kz");
        var year = DateTime.UtcNow.Year;
        var regions = (await RegionsAsync(connectionString)).Take(quotaRows).ToList();
        foreach (var region in regions)
        {
            // The highest cap the API takes (docs/api.md "Ranges of request fields"); every window of one run fits in it.
            var before = await LedgerAsync(connectionString, year, region);
            const int cap = 1_000_000;
            if (before.Reserved + before.Used > cap - 100_000)
                throw new InvalidOperationException($"the quota row of {region} has fewer than 100,000 places left under the highest cap");
            var set = await SendAsync(http, admin, HttpMethod.Put, $"/api/v1/quotas/{year}/{region}/{Category}", new { cap, reason = "benchmark" });
            if (set.Status != HttpStatusCode.OK) throw new InvalidOperationException($"could not set the benchmark quota of {region}: " + set.Body);
        }

        var measuring = Stopwatch.StartNew();
        var from = TimeSpan.FromSeconds(warmup);
        var until = from + TimeSpan.FromSeconds(seconds);
        // The whole machine's busy CPU time over the measured window (clients, app, PostgreSQL, everything else).
        var machineCpu = Task.Run(async () =>
        {
            await Task.Delay(from);
            var start = MachineBusyCpu.Read();
            await Task.Delay(until - from);
            return MachineBusyCpu.Read() - start;
        });
        var results = await Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            var region = regions[client % regions.Count];
            var approver = region == HomeRegion ? officer : admin;
            var mine = new ClientTally();
            while (measuring.Elapsed < until)
            {
                var counted = measuring.Elapsed >= from;
                var t0 = Stopwatch.GetTimestamp();
                (HttpStatusCode Status, string Body) submitted, approved;
                try
                {
                    submitted = await SendAsync(http, employer, HttpMethod.Post, "/api/v1/permit-applications", Application(region));
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    mine.Errors.Add("submit: " + e.Message);
                    continue;
                }
                var t1 = Stopwatch.GetTimestamp();
                if (submitted.Status != HttpStatusCode.Created || !submitted.Body.Contains("\"status\":\"submitted\"", StringComparison.Ordinal))
                {
                    mine.Errors.Add($"submit {(int)submitted.Status}: {submitted.Body[..Math.Min(300, submitted.Body.Length)]}");
                    continue;
                }
                var id = JsonDocument.Parse(submitted.Body).RootElement.GetProperty("id").GetString();
                try
                {
                    approved = await SendAsync(http, approver, HttpMethod.Post, $"/api/v1/permit-applications/{id}/approve", null);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    mine.Errors.Add("approve: " + e.Message);
                    continue;
                }
                var t2 = Stopwatch.GetTimestamp();
                if (approved.Status != HttpStatusCode.OK)
                {
                    mine.Errors.Add($"approve {(int)approved.Status}: {approved.Body[..Math.Min(300, approved.Body.Length)]}");
                    continue;
                }
                if (!counted || measuring.Elapsed > until) continue;
                mine.Submit.Add(Stopwatch.GetElapsedTime(t0, t1).TotalMilliseconds);
                mine.Approve.Add(Stopwatch.GetElapsedTime(t1, t2).TotalMilliseconds);
                mine.Decision.Add(Stopwatch.GetElapsedTime(t0, t2).TotalMilliseconds);
            }
            return mine;
        })));

        var decisions = results.Sum(r => r.Decision.Count);
        var cpuPerDecision = decisions == 0 ? 0 : (await machineCpu).TotalMilliseconds / decisions;
        var errors = results.SelectMany(r => r.Errors).ToList();
        foreach (var e in errors.Take(5)) Console.WriteLine("error: " + e);
        var ledgers = new List<Ledger>();
        foreach (var region in regions) ledgers.Add(await LedgerAsync(connectionString, year, region));
        var submit = results.SelectMany(r => r.Submit).Order().ToList();
        var approve = results.SelectMany(r => r.Approve).Order().ToList();
        var decision = results.SelectMany(r => r.Decision).Order().ToList();
        var rate = decisions / (double)seconds;
        var consistent = ledgers.All(l => l.Reserved == l.SubmittedWorkers && l.Used == l.Permits);
        var oversubscribed = ledgers[0].OversubscribedRows;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{clients} clients over {regions.Count} quota row(s), {seconds} s measured after {warmup} s warm-up: {decisions} decisions, {rate:F1} decisions/s, {errors.Count} errors; machine CPU {cpuPerDecision:F2} ms per decision"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"latency ms        p50     p99\n  submit      {P(submit, 50),7:F1} {P(submit, 99),7:F1}\n  approve     {P(approve, 50),7:F1} {P(approve, 99),7:F1}\n  submit+approve {P(decision, 50),4:F1} {P(decision, 99),7:F1}"));
        foreach (var l in ledgers)
            Console.WriteLine($"ledger {year} {l.Region}/{Category}: cap {l.Cap}, reserved {l.Reserved} (submitted workers {l.SubmittedWorkers}), " +
                              $"used {l.Used} (permits {l.Permits})");
        Console.WriteLine($"oversubscribed rows in the whole ledger: {oversubscribed}; benchmarked rows consistent: {(consistent ? "yes" : "no")}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT decisions_per_s={rate:F1} decisions={decisions} cpu_ms_per_decision={cpuPerDecision:F2} submit_p50_ms={P(submit, 50):F1} submit_p99_ms={P(submit, 99):F1} approve_p50_ms={P(approve, 50):F1} approve_p99_ms={P(approve, 99):F1} decision_p50_ms={P(decision, 50):F1} decision_p99_ms={P(decision, 99):F1} errors={errors.Count} oversubscribed_rows={oversubscribed} ledger_consistent={(consistent ? "yes" : "no")}"));
        var faults = new List<string>();
        if (errors.Count > 0) faults.Add($"{errors.Count} requests failed");
        if (oversubscribed > 0) faults.Add($"{oversubscribed} ledger rows oversubscribed");
        if (!consistent) faults.Add("a benchmarked row's ledger disagrees with its applications and permits");
        if (decisions == 0) faults.Add("no decision in the measured window");
        if (faults.Count > 0) throw new BenchmarkFailedException(string.Join("; ", faults));
    }

    static double P(List<double> sorted, double p) => BenchArguments.Percentile(sorted, p);

    sealed class ClientTally
    {
        public List<double> Submit { get; } = [];
        public List<double> Approve { get; } = [];
        public List<double> Decision { get; } = [];
        public List<string> Errors { get; } = [];
    }

    static object Application(string region) => new
    {
        employerBin = DemoAccounts.DemoEmployerBin, regionCode = region, category = Category, occupationCode = "2142", okedSection = "F",
        workerCount = 1, months = 12, monthlySalaryKzt = 1_500_000,
        vacancyPublishedOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        workers = new[]
        {
            new { fullName = "Bench Worker", passportNumber = "B" + Random.Shared.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture),
                  citizenship = "CN", birthDate = "1990-05-01", education = "master" },
        },
    };

    sealed record Ledger(string Region, int Cap, int Reserved, int Used, long SubmittedWorkers, long Permits, long OversubscribedRows);

    /// <summary>The current regions, KZ-35 (the demo employer's, with a demo officer) first, then by code.</summary>
    static async Task<List<string>> RegionsAsync(string connectionString)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT code FROM ref_regions WHERE valid_to IS NULL ORDER BY code <> @home, code", conn);
        cmd.Parameters.AddWithValue("home", HomeRegion);
        var codes = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) codes.Add(reader.GetString(0));
        return codes;
    }

    static async Task<Ledger> LedgerAsync(string connectionString, int year, string region)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("""
            SELECT COALESCE(l.cap, 0), COALESCE(l.reserved, 0), COALESCE(l.used, 0),
                   (SELECT COALESCE(SUM(a.worker_count), 0) FROM permits_applications a
                     WHERE a.quota_year = @year AND a.region_code = @region AND a.category = @category AND a.status = 'submitted' AND a.holds_quota),
                   (SELECT COUNT(*) FROM permits_permits p JOIN permits_applications a ON a.id = p.application_id
                     WHERE a.quota_year = @year AND a.region_code = @region AND a.category = @category),
                   (SELECT COUNT(*) FROM permits_quota_ledger WHERE reserved + used > cap)
            FROM (SELECT 1) one
            LEFT JOIN permits_quota_ledger l ON l.year = @year AND l.region_code = @region AND l.category = @category
            """, conn);
        cmd.Parameters.AddWithValue("year", year);
        cmd.Parameters.AddWithValue("region", region);
        cmd.Parameters.AddWithValue("category", Category);
        await using var reader = await cmd.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new Ledger(region, reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5));
    }

    static async Task<string> TokenAsync(HttpClient http, string email)
    {
        using var response = await http.PostAsJsonAsync("/api/v1/auth/token", new { email, password = DemoAccounts.Password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    static async Task<(HttpStatusCode Status, string Body)> SendAsync(HttpClient http, string token, HttpMethod method, string path, object? body)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null) request.Content = JsonContent.Create(body);
        using var response = await http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
