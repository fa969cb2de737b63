using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qonys.Web.Modules.Permits.Domain;
using Qonys.Web.Modules.Permits.Lifecycle;

namespace Qonys.IntegrationTests.Permits;

/// <summary>
/// Steps the lifecycle tests share: the demo employer (KZ-35) applies for one category 2 worker, the Karaganda officer
/// approves, the fee is paid. Quota movements are checked as deltas of the (this year, KZ-35, category 2) ledger.
/// </summary>
static class LifecycleSteps
{
    public const string Region = "KZ-35";
    public const string Category = "2";

    /// <summary>The apps' today (their clock is the tests' clock).</summary>
    public static DateOnly Today => TestClock.Shared.Today;

    public static object Worker(string? passport = null) => new
    {
        fullName = "Ли Вэй", passportNumber = passport ?? "E" + Random.Shared.Next(10_000_000, 99_999_999), citizenship = "CN",
        birthDate = "1990-05-01", education = "bachelor",
    };

    /// <summary>Makes sure the ledger has room, then returns it.</summary>
    public static async Task<JsonElement> EnsureQuotaAsync(TestApp app)
    {
        using var admin = await app.As(Demo.Admin);
        var ledger = await LedgerAsync(app);
        if (ledger is { } l && l.GetProperty("available").GetInt32() >= 10) return l;
        var committed = ledger is { } c ? c.GetProperty("reserved").GetInt32() + c.GetProperty("used").GetInt32() : 0;
        var put = await admin.PutAsJsonAsync($"/api/v1/quotas/{Today.Year}/{Region}/{Category}", new { cap = committed + 50, reason = "lifecycle tests" });
        put.EnsureSuccessStatusCode();
        return (await LedgerAsync(app))!.Value;
    }

    public static async Task<JsonElement?> LedgerAsync(TestApp app)
    {
        using var admin = await app.As(Demo.Admin);
        var rows = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/quotas?year={Today.Year}&regionCode={Region}&category={Category}");
        return rows.GetArrayLength() == 0 ? null : rows[0];
    }

    /// <summary>The demo employer submits; the result must pass every check.</summary>
    public static async Task<Guid> SubmitAsync(TestApp app)
    {
        await EnsureQuotaAsync(app);
        using var employer = await app.As(Demo.Employer);
        var response = await employer.PostAsJsonAsync("/api/v1/permit-applications", new
        {
            employerBin = Qonys.Web.Platform.Demo.DemoAccounts.DemoEmployerBin, regionCode = Region, category = Category, occupationCode = "1323",
            okedSection = "F", workerCount = 1, months = 12, monthlySalaryKzt = 5_000_000, vacancyPublishedOn = Today.AddDays(-30).ToString("yyyy-MM-dd"),
            workers = new[] { Worker() },
        });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, body.ToString());
        body.GetProperty("status").GetString().ShouldBe("submitted", body.ToString());
        return body.GetProperty("id").GetGuid();
    }

    /// <summary>Submitted and approved (the permit awaits the fee); returns the case and the permit number.</summary>
    public static async Task<(Guid Id, string Number)> ApprovedAsync(TestApp app)
    {
        var id = await SubmitAsync(app);
        using var officer = await app.As(Demo.OfficerKaraganda);
        var approved = await officer.PostAsync($"/api/v1/permit-applications/{id}/approve", null);
        var body = await approved.Content.ReadFromJsonAsync<JsonElement>();
        approved.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToString());
        return (id, body.GetProperty("permitNumbers")[0].GetString()!);
    }

    /// <summary>Approved and paid: an active permit.</summary>
    public static async Task<(Guid Id, string Number)> ActivePermitAsync(TestApp app)
    {
        var (id, number) = await ApprovedAsync(app);
        await Integration.InboundEvents.PayFeeAsync(app, id);
        return (id, number);
    }

    /// <summary>Moves a permit's last valid day (arranging what only time would do).</summary>
    public static Task SetValidUntilAsync(TestApp app, string number, DateOnly until) =>
        app.WithDbAsync(db => db.Set<Permit>().Where(p => p.Number == number).ExecuteUpdateAsync(s => s.SetProperty(p => p.ValidUntil, until)));

    public static async Task<JsonElement> PermitAsync(TestApp app, string number)
    {
        using var admin = await app.As(Demo.Admin);
        return await admin.GetFromJsonAsync<JsonElement>($"/api/v1/permits/{number}");
    }

    public static async Task<JsonElement> CaseAsync(TestApp app, Guid id)
    {
        using var admin = await app.As(Demo.Admin);
        return await admin.GetFromJsonAsync<JsonElement>($"/api/v1/permit-applications/{id}");
    }

    public static async Task<SweepResult> SweepAsync(TestApp app, DateOnly today)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PermitLifecycleSweep>().RunOnceAsync(today);
    }

    public static int Int(JsonElement e, string name) => e.GetProperty(name).GetInt32();

    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();
}
