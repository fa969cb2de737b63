using System.Text;
using Microsoft.EntityFrameworkCore;
using Qonys.Web.Modules.Registry.Domain;
using Qonys.Web.Platform.Reference;
using static Qonys.IntegrationTests.Platform.PlatformTestKit;

namespace Qonys.IntegrationTests.Platform;

/// <summary>Whatever a client sends, the answer is a 4xx problem, never a 500 (API.md: "Never 500 for anything a client sent").</summary>
[Collection(AppsCollection.Name)]
public sealed class BadInputTests(Apps apps)
{
    static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    [Theory, OnSqlite, OnPostgres]
    public async Task A_null_body_or_a_body_that_is_not_json_is_a_4xx_problem(Provider provider)
    {
        var app = await apps.For(provider);
        using var admin = await app.As(Demo.Admin);

        var nullBody = await (await admin.PostAsync("/api/v1/employers", Json("null"))).ShouldBeProblem(HttpStatusCode.BadRequest);
        nullBody.GetProperty("errors").TryGetProperty("body", out _).ShouldBeTrue(nullBody.ToString());

        var plain = await admin.PostAsync("/api/v1/employers", new StringContent("bin=1", Encoding.UTF8, "text/plain"));
        ((int)plain.StatusCode).ShouldBeInRange(400, 499);
        plain.Content.Headers.ContentType?.MediaType.ShouldBe(ProblemJson);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_number_too_large_for_its_field_is_a_400_naming_the_field(Provider provider)
    {
        var app = await apps.For(provider);
        using var admin = await app.As(Demo.Admin);
        var bin = Demo.NewBin();

        var problem = await (await admin.PostAsync("/api/v1/employers", Json($$"""
            {"bin": "{{bin}}", "name": "x", "regionCode": "KZ-35", "okedSection": "F", "staff": {"foreigners": {"4": 99999999999} } }
            """))).ShouldBeProblem(HttpStatusCode.BadRequest);

        problem.GetProperty("errors").TryGetProperty("staff.foreigners.4", out _).ShouldBeTrue(problem.ToString());
        (await app.WithDbAsync(db => db.Set<Employer>().AnyAsync(e => e.Bin == bin))).ShouldBeFalse();
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task An_impossible_calendar_year_is_a_400(Provider provider)
    {
        var app = await apps.For(provider);
        using var client = app.Anonymous();
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/reference/calendar/2026")).GetArrayLength().ShouldBeGreaterThan(10);
        foreach (var year in new[] { "0", "-1", "10000", "99999" })
        {
            var problem = await (await client.GetAsync($"/api/v1/reference/calendar/{year}")).ShouldBeProblem(HttpStatusCode.BadRequest);
            problem.GetProperty("errors").TryGetProperty("year", out _).ShouldBeTrue(problem.ToString());
        }
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_page_far_beyond_the_end_is_an_empty_page(Provider provider)
    {
        var app = await apps.For(provider);
        using var auditor = await app.As(Demo.Auditor);
        foreach (var url in new[] { "/api/v1/audit/entries?page=2147483647&pageSize=500", "/api/v1/notifications?page=2147483647" })
        {
            var response = await auditor.GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, url + ": " + await response.Content.ReadAsStringAsync());
            (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").GetArrayLength().ShouldBe(0);
        }
        var notANumber = await (await auditor.GetAsync("/api/v1/audit/entries?page=abc")).ShouldBeProblem(HttpStatusCode.BadRequest);
        notANumber.ToString().ShouldNotContain("Exception");
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_refused_request_to_a_long_address_is_a_403_problem(Provider provider)
    {
        var app = await apps.For(provider);
        using var applicant = await app.As(Demo.Applicant);
        // The refusal is audited with the address the caller asked for; a long one must not break that.
        await (await applicant.GetAsync("/api/v1/employers/" + new string('9', 200))).ShouldBeProblem(HttpStatusCode.Forbidden);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_rule_value_out_of_range_or_with_a_bad_date_is_a_400(Provider provider)
    {
        var app = await apps.For(provider);
        using var admin = await app.As(Demo.Admin);
        const string key = "household.prepaid_tax_mci_per_month";

        var huge = await (await admin.PostAsync("/api/v1/reference/rule-values", Json($$"""
            {"key": "{{key}}", "effectiveFrom": "2091-01-01", "value": 1e20, "source": "test"}
            """))).ShouldBeProblem(HttpStatusCode.BadRequest);
        var badDate = await (await admin.PostAsync("/api/v1/reference/rule-values", Json($$"""
            {"key": "{{key}}", "effectiveFrom": "2091-13-45", "value": 1, "source": "test"}
            """))).ShouldBeProblem(HttpStatusCode.BadRequest);

        huge.GetProperty("errors").TryGetProperty("value", out _).ShouldBeTrue(huge.ToString());
        badDate.GetProperty("errors").TryGetProperty("effectiveFrom", out _).ShouldBeTrue(badDate.ToString());
        (await app.WithDbAsync(db => db.Set<RuleValue>().AnyAsync(r => r.Key == key && r.EffectiveFrom.Year == 2091))).ShouldBeFalse();
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_too_large_body_with_an_idempotency_key_is_a_413_and_the_key_stays_free(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider, new Dictionary<string, string?> { ["Qonys:MaxRequestBodyBytes"] = "1000" });
        using var admin = await app.As(Demo.Admin);
        var bin = Demo.NewBin();
        var key = Guid.NewGuid().ToString();
        HttpRequestMessage Post(HttpContent content)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/employers") { Content = content };
            request.Headers.Add("Idempotency-Key", key);
            return request;
        }

        await (await admin.SendAsync(Post(Json($$"""{"bin": "{{bin}}", "name": "{{new string('x', 5000)}}"}""")))).ShouldBeProblem(HttpStatusCode.RequestEntityTooLarge);
        var created = await admin.SendAsync(Post(JsonContent.Create(NewEmployer(bin))));

        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
    }
}
