using System.Text;
using Microsoft.EntityFrameworkCore;
using Qonys.Web.Modules.Registry.Domain;
using Qonys.Web.Platform.Demo;
using static Qonys.IntegrationTests.Platform.PlatformTestKit;

namespace Qonys.IntegrationTests.Platform;

/// <summary>Every error is RFC 9457 problem details; bad input never gives a 500 and never writes half a record.</summary>
[Collection(AppsCollection.Name)]
public sealed class ProblemDetailsTests(Apps apps)
{
    static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    [Theory, OnSqlite, OnPostgres]
    public async Task An_unknown_api_route_is_a_404_problem(Provider provider)
    {
        var app = await apps.For(provider);
        using var admin = await app.As(Demo.Admin);
        await (await admin.GetAsync("/api/v1/no-such-thing")).ShouldBeProblem(HttpStatusCode.NotFound);
        using var anonymous = app.Anonymous();
        await (await anonymous.GetAsync("/api/v1/no-such-thing/at/all")).ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_wrong_method_on_a_known_route_is_a_405_problem(Provider provider)
    {
        var app = await apps.For(provider);
        using var admin = await app.As(Demo.Admin);
        await (await admin.DeleteAsync($"/api/v1/employers/{DemoAccounts.DemoEmployerBin}")).ShouldBeProblem(HttpStatusCode.MethodNotAllowed);
        await (await admin.PutAsync("/api/v1/employers", Json("{}"))).ShouldBeProblem(HttpStatusCode.MethodNotAllowed);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Malformed_json_is_a_400_naming_the_body(Provider provider)
    {
        var app = await apps.For(provider);
        using var admin = await app.As(Demo.Admin);
        foreach (var text in new[] { "{not json", "", "[1, 2", "\"just a string\"" })
        {
            var problem = await (await admin.PostAsync("/api/v1/employers", Json(text))).ShouldBeProblem(HttpStatusCode.BadRequest);
            problem.GetProperty("errors").TryGetProperty("body", out _).ShouldBeTrue($"{text}: {problem}");
        }
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_value_of_the_wrong_type_is_a_400_naming_the_field(Provider provider)
    {
        var app = await apps.For(provider);
        using var admin = await app.As(Demo.Admin);
        var bin = Demo.NewBin();

        var wrongBin = await (await admin.PostAsync("/api/v1/employers", Json("""{"bin": 12, "name": "x", "regionCode": "KZ-35", "okedSection": "F"}""")))
            .ShouldBeProblem(HttpStatusCode.BadRequest);
        var wrongCount = await (await admin.PostAsync("/api/v1/employers", Json($$"""
            {"bin": "{{bin}}", "name": "x", "regionCode": "KZ-35", "okedSection": "F", "staff": {"citizens": {"3": "many"} } }
            """))).ShouldBeProblem(HttpStatusCode.BadRequest);
        var wrongFlag = await (await admin.PostAsync("/api/v1/employers", Json($$"""
            {"bin": "{{bin}}", "name": "x", "regionCode": "KZ-35", "okedSection": "F", "isSmallBusiness": "yes"}
            """))).ShouldBeProblem(HttpStatusCode.BadRequest);

        wrongBin.GetProperty("errors").TryGetProperty("bin", out _).ShouldBeTrue(wrongBin.ToString());
        wrongCount.GetProperty("errors").TryGetProperty("staff.citizens.3", out _).ShouldBeTrue(wrongCount.ToString());
        wrongFlag.GetProperty("errors").TryGetProperty("isSmallBusiness", out _).ShouldBeTrue(wrongFlag.ToString());
        (await app.WithDbAsync(db => db.Set<Employer>().AnyAsync(e => e.Bin == bin))).ShouldBeFalse();
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Invalid_values_are_a_400_naming_each_field_and_write_nothing(Provider provider)
    {
        var app = await apps.For(provider);
        using var admin = await app.As(Demo.Admin);
        var bin = Demo.NewBin();
        var body = Json($$"""
            {"bin": "{{bin}}", "name": " ", "regionCode": "KZ-99", "okedSection": "Z", "staff": {"citizens": {"5": 1, "1": -1} } }
            """);

        var problem = await (await admin.PostAsync("/api/v1/employers", body)).ShouldBeProblem(HttpStatusCode.BadRequest);

        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "name", "regionCode", "okedSection", "staff.citizens.5", "staff.citizens.1" })
            errors.TryGetProperty(field, out _).ShouldBeTrue($"{field}: {problem}");
        (await app.WithDbAsync(db => db.Set<Employer>().AnyAsync(e => e.Bin == bin))).ShouldBeFalse();
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_body_over_the_size_limit_is_a_413_problem(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider, new Dictionary<string, string?> { ["Qonys:MaxRequestBodyBytes"] = "1000" });
        using var admin = await app.As(Demo.Admin);
        var bin = Demo.NewBin();
        var big = Json($$"""{"bin": "{{bin}}", "name": "{{new string('x', 5000)}}", "regionCode": "KZ-35", "okedSection": "F"}""");

        await (await admin.PostAsync("/api/v1/employers", big)).ShouldBeProblem(HttpStatusCode.RequestEntityTooLarge);

        (await app.WithDbAsync(db => db.Set<Employer>().AnyAsync(e => e.Bin == bin))).ShouldBeFalse();
        // A body within the limit still works.
        (await admin.PostAsJsonAsync("/api/v1/employers", NewEmployer(bin))).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task An_unhandled_exception_is_a_500_problem_without_internals(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var admin = await app.As(Demo.Admin);
        await app.SqlAsync("DROP TABLE registry_employers");

        var response = await admin.GetAsync($"/api/v1/employers/{DemoAccounts.DemoEmployerBin}");

        var problem = await response.ShouldBeProblem(HttpStatusCode.InternalServerError);
        var text = problem.ToString();
        foreach (var secret in new[] { "registry_employers", "Exception", "SELECT", "   at ", "Sqlite", "Npgsql", "relation", "table" })
            text.ShouldNotContain(secret, Case.Insensitive);
        problem.TryGetProperty("traceId", out _).ShouldBeTrue();
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_failed_audit_write_leaves_no_employer_behind(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var admin = await app.As(Demo.Admin); // signing in writes to the audit log: do it before breaking it
        var bin = Demo.NewBin();
        await app.SqlAsync("ALTER TABLE platform_audit_entries RENAME TO platform_audit_entries_away");

        var key = Guid.NewGuid().ToString();
        HttpRequestMessage Post()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/employers") { Content = JsonContent.Create(NewEmployer(bin)) };
            request.Headers.Add("Idempotency-Key", key);
            return request;
        }

        var response = await admin.SendAsync(Post());

        await app.SqlAsync("ALTER TABLE platform_audit_entries_away RENAME TO platform_audit_entries");
        await response.ShouldBeProblem(HttpStatusCode.InternalServerError);
        (await app.WithDbAsync(db => db.Set<Employer>().AnyAsync(e => e.Bin == bin))).ShouldBeFalse();
        (await admin.GetAsync($"/api/v1/employers/{bin}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // Once the log is back, the same request with the same key succeeds: a server error released the key.
        (await admin.SendAsync(Post())).StatusCode.ShouldBe(HttpStatusCode.Created);
    }
}
