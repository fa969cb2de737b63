using System.Runtime.CompilerServices;

namespace Qonys.IntegrationTests.Permits;

/// <summary>Arranges permit cases over HTTP: an employer of its own, quota places, an application body.</summary>
public sealed class PermitScenario(TestApp app)
{
    static readonly string[] Categories = ["1", "2", "3", "4", "seasonal"];
    /// <summary>The regions of the demo officers (Karaganda, Astana): handed out last, to the tests that ask for them.</summary>
    static readonly string[] OfficerRegions = ["KZ-35", "KZ-71"];
    static readonly ConditionalWeakTable<TestApp, HashSet<(string, string)>> Claimed = new();

    public int Year => app.Clock.Today.Year;

    /// <summary>
    /// Claims a (region, category) quota row of this app's current year that no other test uses: in
    /// <paramref name="region"/> when given, else in a region without a demo officer. The lifecycle tests' row
    /// (<see cref="LifecycleSteps.Region"/>, <see cref="LifecycleSteps.Category"/>) is never handed out; when no row is
    /// left the test fails rather than share one.
    /// </summary>
    public async Task<(string Region, string Category)> ClaimQuotaRowAsync(string? region = null)
    {
        using var anonymous = app.Anonymous();
        var regions = (await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/reference/regions")).EnumerateArray()
            .Select(r => r.GetProperty("code").GetString()!).Where(r => region is null ? !OfficerRegions.Contains(r) : r == region).Order(StringComparer.Ordinal);
        var claimed = Claimed.GetValue(app, _ => [(LifecycleSteps.Region, LifecycleSteps.Category)]);
        lock (claimed)
        {
            foreach (var r in regions)
                foreach (var category in Categories)
                    if (claimed.Add((r, category))) return (r, category);
        }
        throw new InvalidOperationException($"every quota row of {region ?? "the regions without an officer"} is taken by another test");
    }

    public async Task<string> NewEmployerAsync(string region, int citizens = 400, int foreigners = 5)
    {
        using var admin = await app.As(Demo.Admin);
        var bin = Demo.NewBin();
        var response = await admin.PostAsJsonAsync("/api/v1/employers", new
        {
            bin, name = "TOO Permit Test " + bin, regionCode = region, okedSection = "F",
            staff = new
            {
                citizens = new Dictionary<string, int> { ["1"] = 20, ["2"] = 40, ["3"] = citizens, ["4"] = citizens },
                foreigners = new Dictionary<string, int> { ["1"] = 0, ["2"] = 1, ["3"] = foreigners, ["4"] = foreigners },
            },
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return bin;
    }

    public async Task<JsonElement> QuotaAsync(string region, string category)
    {
        using var admin = await app.As(Demo.Admin);
        var rows = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/quotas?year={Year}&regionCode={region}&category={category}");
        return rows.GetArrayLength() == 0 ? default : rows[0];
    }

    /// <summary>Sets the cap so that exactly <paramref name="available"/> places are free.</summary>
    public async Task SetAvailableAsync(string region, string category, int available)
    {
        var row = await QuotaAsync(region, category);
        var committed = row.ValueKind == JsonValueKind.Undefined ? 0 : row.GetProperty("reserved").GetInt32() + row.GetProperty("used").GetInt32();
        using var admin = await app.As(Demo.Admin);
        var response = await admin.PutAsJsonAsync($"/api/v1/quotas/{Year}/{region}/{category}",
            new { cap = committed + available, reason = "integration test" });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    public static object Application(string bin, string region, string category, int workers = 1, int vacancyDaysAgo = 30,
        long salary = 900_000, int months = 12) => new
    {
        employerBin = bin, regionCode = region, category, occupationCode = "2142", okedSection = "F", workerCount = workers,
        months, monthlySalaryKzt = salary,
        vacancyPublishedOn = TestClock.Shared.Today.AddDays(-vacancyDaysAgo).ToString("yyyy-MM-dd"),
        workers = Enumerable.Range(1, workers).Select(i => new
        {
            fullName = "Test Worker " + i, passportNumber = "P" + Random.Shared.Next(10_000_000, 99_999_999), citizenship = "CN",
            birthDate = "1990-05-01", education = "master",
        }).ToArray(),
    };

    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static HttpRequestMessage Post(string url, object body, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return request;
    }
}
