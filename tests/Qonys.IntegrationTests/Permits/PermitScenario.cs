using System.Net.Http.Headers;

namespace Qonys.IntegrationTests.Permits;

/// <summary>Arranges permit cases over HTTP: an employer of its own, quota places, an application body.</summary>
public sealed class PermitScenario(TestApp app)
{
    static int _slot = -1;
    static readonly string[] Categories = ["1", "2", "3", "4", "seasonal"];

    public int Year { get; } = DateTime.UtcNow.Year;

    /// <summary>A (region, category) quota row no other test in this run uses.</summary>
    public static (string Region, string Category) NextQuotaRow(string region = "KZ-35")
    {
        var n = Interlocked.Increment(ref _slot);
        return (region, Categories[n % Categories.Length]);
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
        vacancyPublishedOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-vacancyDaysAgo).ToString("yyyy-MM-dd"),
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
