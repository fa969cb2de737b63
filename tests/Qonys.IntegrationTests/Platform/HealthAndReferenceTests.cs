using Microsoft.EntityFrameworkCore;
using Qonys.Web.Platform.Reference;
using static Qonys.IntegrationTests.Platform.PlatformTestKit;

namespace Qonys.IntegrationTests.Platform;

[Collection(AppsCollection.Name)]
public sealed class HealthAndReferenceTests(Apps apps)
{
    [Theory, OnSqlite, OnPostgres]
    public async Task Liveness_and_readiness_answer_200_without_signing_in(Provider provider)
    {
        var app = await apps.For(provider);
        using var client = app.Anonymous();
        (await client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var ready = await client.GetAsync("/health/ready");
        ready.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ready.Content.ReadAsStringAsync()).ShouldBe("Healthy");
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_openapi_document_lists_the_employers_api(Provider provider)
    {
        var app = await apps.For(provider);
        using var client = app.Anonymous();
        var doc = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = doc.GetProperty("paths");
        paths.GetProperty("/api/v1/employers").TryGetProperty("post", out _).ShouldBeTrue();
        paths.GetProperty("/api/v1/employers/{bin}").TryGetProperty("get", out _).ShouldBeTrue();
        paths.TryGetProperty("/api/v1/auth/token", out _).ShouldBeTrue();
        paths.TryGetProperty("/api/v1/reference/mci/{year}", out _).ShouldBeTrue();
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_20_regions_have_names_in_three_languages(Provider provider)
    {
        var app = await apps.For(provider);
        using var client = app.Anonymous();
        var regions = await client.GetFromJsonAsync<JsonElement>("/api/v1/reference/regions");
        regions.GetArrayLength().ShouldBe(20);
        var codes = regions.EnumerateArray().Select(r => r.GetProperty("code").GetString()!).ToList();
        codes.ShouldBeUnique();
        codes.ShouldAllBe(c => c.StartsWith("KZ-") && c.Length == 5);
        codes.ShouldContain("KZ-35"); // Karaganda Region
        codes.ShouldContain("KZ-71"); // Astana
        foreach (var region in regions.EnumerateArray())
            foreach (var language in new[] { "kk", "ru", "en" })
                region.GetProperty("name").GetProperty(language).GetString().ShouldNotBeNullOrWhiteSpace($"{region} {language}");
        regions.EnumerateArray().Single(r => r.GetProperty("code").GetString() == "KZ-35")
            .GetProperty("name").GetProperty("en").GetString().ShouldBe("Karaganda Region");
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_mci_of_a_year_its_absence_and_an_impossible_year(Provider provider)
    {
        var app = await apps.For(provider);
        using var client = app.Anonymous();

        var mci = await client.GetFromJsonAsync<JsonElement>("/api/v1/reference/mci/2026");
        mci.GetProperty("year").GetInt32().ShouldBe(2026);
        mci.GetProperty("kzt").GetDecimal().ShouldBe(4325m); // rule_values.csv, republican budget law for 2026
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/reference/mci/2017")).GetProperty("kzt").GetDecimal().ShouldBe(2269m);

        await (await client.GetAsync("/api/v1/reference/mci/2016")).ShouldBeProblem(HttpStatusCode.NotFound); // first value on file: 2017
        var invalid = await (await client.GetAsync("/api/v1/reference/mci/3000")).ShouldBeProblem(HttpStatusCode.BadRequest);
        invalid.GetProperty("errors").TryGetProperty("year", out _).ShouldBeTrue();
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task An_administrator_adds_a_rule_value_which_closes_the_previous_period(Provider provider)
    {
        // The new value changes reference data the other tests read: an app of its own.
        await using var app = await TestApp.StartAsync(provider);
        using var admin = await app.As(Demo.Admin);
        const string key = "household.max_workers";
        var before = await app.WithDbAsync(db => db.Set<RuleValue>().AsNoTracking().Where(r => r.Key == key).OrderBy(r => r.EffectiveFrom).ToListAsync());
        before.ShouldNotBeEmpty();
        before[^1].EffectiveTo.ShouldBeNull();
        var from = new DateOnly(app.Clock.Today.Year + 2, 1, 1); // within the window: at most 5 years ahead (docs/api.md)
        var body = new { key, effectiveFrom = from.ToString("yyyy-MM-dd"), value = 7, source = "test order No. 1", note = "integration test" };

        var created = await admin.PostAsJsonAsync("/api/v1/reference/rule-values", body);

        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var value = await created.Content.ReadFromJsonAsync<JsonElement>();
        value.GetProperty("effectiveFrom").GetString().ShouldBe(from.ToString("yyyy-MM-dd"));
        value.GetProperty("value").GetDecimal().ShouldBe(7m);
        var after = await app.WithDbAsync(db => db.Set<RuleValue>().AsNoTracking().Where(r => r.Key == key).OrderBy(r => r.EffectiveFrom).ToListAsync());
        after.Count.ShouldBe(before.Count + 1);
        after[^2].EffectiveTo.ShouldBe(from.AddDays(-1));
        after[^1].EffectiveTo.ShouldBeNull();
        // The same start again is a conflict; an unknown key is a 400.
        await (await admin.PostAsJsonAsync("/api/v1/reference/rule-values", body)).ShouldBeProblem(HttpStatusCode.Conflict);
        var unknown = await (await admin.PostAsJsonAsync("/api/v1/reference/rule-values", body with { key = "no.such.rule" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest);
        unknown.GetProperty("errors").TryGetProperty("key", out _).ShouldBeTrue();
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task An_analyst_may_not_add_rule_values(Provider provider)
    {
        var app = await apps.For(provider);
        using var analyst = await app.As(Demo.Analyst);
        var body = new { key = "household.max_workers", effectiveFrom = "2095-01-01", value = 9, source = "test" };
        await (await analyst.PostAsJsonAsync("/api/v1/reference/rule-values", body)).ShouldBeProblem(HttpStatusCode.Forbidden);
        (await app.WithDbAsync(db => db.Set<RuleValue>().AnyAsync(r => r.Key == "household.max_workers" && r.EffectiveFrom == new DateOnly(2095, 1, 1))))
            .ShouldBeFalse();
    }
}
