using System.Text.Json.Nodes;
using static Qonys.IntegrationTests.Platform.PlatformTestKit;

namespace Qonys.IntegrationTests.Security;

/// <summary>
/// Issue 11, point 11: unbounded values were accepted — <c>effectiveFrom</c> 9999-12-31 (the rule frozen for ever),
/// BIN/IIN <c>000000000000</c>, salary 9223372036854775807, <c>vacancyPublishedOn</c> 0001-01-01, birth date
/// 9999-12-31, scorecard <c>passMark</c> −1 — and messages echoed 100 kB of rejected input. Each of those exact
/// requests is now a 400 problem naming the field (the ranges: docs/api.md "Ranges of request fields"), and writes nothing.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed class ValueRangeTests(Apps apps)
{
    const string DemoBin = "990340001230";

    static object Worker(string birthDate = "1990-05-01") => new
    {
        fullName = "Range Test Worker", passportNumber = "R" + Random.Shared.Next(10_000_000, 99_999_999), citizenship = "CN", birthDate,
        education = "master",
    };

    static object Application(DateOnly today, long salary = 900_000, string? vacancy = null, string birthDate = "1990-05-01") => new
    {
        employerBin = DemoBin, regionCode = "KZ-35", category = "3", occupationCode = "2142", okedSection = "F", workerCount = 1, months = 12,
        monthlySalaryKzt = salary, vacancyPublishedOn = vacancy ?? today.AddDays(-30).ToString("yyyy-MM-dd"), workers = new[] { Worker(birthDate) },
    };

    static Dictionary<string, object?> Candidate(DateOnly today, string birthDate, long? salary = null) => new()
    {
        ["fullName"] = "Range Candidate", ["birthDate"] = birthDate, ["citizenship"] = "UZ", ["education"] = "bachelor", ["experienceYears"] = 6,
        ["kazakhLevel"] = "B1", ["russianLevel"] = "C1", ["englishLevel"] = "B2", ["occupationCode"] = "2142",
        ["jobOfferRegionCode"] = salary is null ? null : "KZ-35", ["offeredMonthlySalaryKzt"] = salary,
    };

    [Theory, OnSqlite, OnPostgres]
    public async Task Each_out_of_range_value_is_a_400_naming_its_field_and_writes_nothing(Provider provider)
    {
        var app = await apps.For(provider);
        using var admin = await app.As(Demo.Admin);
        var today = app.Clock.Today;
        var rule = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/reference/rule-values"))[0].GetProperty("key").GetString();
        var pool = "/api/v1/scorecards/skilled-migrant-pool";
        var published = (await admin.GetFromJsonAsync<JsonObject>(pool + "/versions/1"))!["definition"]!.AsObject();
        JsonObject Card(decimal passMark)
        {
            var card = published.DeepClone().AsObject();
            card["passMark"] = passMark;
            return card;
        }
        var auditBefore = await AuditCountAsync(app);

        var cases = new (string Name, HttpMethod Method, string Url, object Body, string Field)[]
        {
            ("rule value from 9999-12-31", HttpMethod.Post, "/api/v1/reference/rule-values",
                new { key = rule, effectiveFrom = "9999-12-31", value = 1, source = "range test" }, "effectiveFrom"),
            ("rule value six years ahead", HttpMethod.Post, "/api/v1/reference/rule-values",
                new { key = rule, effectiveFrom = today.AddYears(6).ToString("yyyy-MM-dd"), value = 1, source = "range test" }, "effectiveFrom"),
            ("BIN of zeros", HttpMethod.Post, "/api/v1/employers", NewEmployer("000000000000"), "bin"),
            ("IIN of zeros", HttpMethod.Post, "/api/v1/household-permits",
                new { employerIin = "000000000000", regionCode = "KZ-35", months = 6, worker = Worker() }, "employerIin"),
            ("salary of long.MaxValue", HttpMethod.Post, "/api/v1/permit-applications", Application(today, salary: long.MaxValue), "monthlySalaryKzt"),
            ("vacancy of 0001-01-01", HttpMethod.Post, "/api/v1/permit-applications", Application(today, vacancy: "0001-01-01"), "vacancyPublishedOn"),
            ("worker born 9999-12-31", HttpMethod.Post, "/api/v1/permit-applications", Application(today, birthDate: "9999-12-31"), "workers[0].birthDate"),
            ("candidate born 9999-12-31", HttpMethod.Post, "/api/v1/candidates", Candidate(today, "9999-12-31"), "birthDate"),
            ("candidate offered long.MaxValue", HttpMethod.Post, "/api/v1/candidates", Candidate(today, "1990-01-01", long.MaxValue), "offeredMonthlySalaryKzt"),
            ("Ata Zholy applicant born 9999-12-31", HttpMethod.Post, "/api/v1/ata-zholy/applications",
                new { fullName = "A", birthDate = "9999-12-31", citizenship = "TR", profession = "physician" }, "birthDate"),
            ("Ata Zholy applicant born 1899-12-31", HttpMethod.Post, "/api/v1/ata-zholy/applications",
                new { fullName = "A", birthDate = "1899-12-31", citizenship = "TR", profession = "physician" }, "birthDate"),
            ("Ata Zholy turnover of 10^20 USD", HttpMethod.Post, "/api/v1/ata-zholy/eligibility",
                new { operatesBusinessAbroad = true, businessYearsOperating = 5, businessAnnualTurnoverUsd = 100_000_000_000_000_000_000m }, "businessAnnualTurnoverUsd"),
            ("scorecard pass mark -1", HttpMethod.Post, pool + "/drafts", new JsonObject { ["scorecard"] = Card(-1) }, "passMark"),
            ("scorecard pass mark above the points scale", HttpMethod.Post, pool + "/drafts", new JsonObject { ["scorecard"] = Card(1_000_001) }, "passMark"),
            ("quota cap of 2^31-1", HttpMethod.Put, $"/api/v1/quotas/{today.Year}/KZ-35/3", new { cap = int.MaxValue, reason = "range test" }, "cap"),
        };
        foreach (var (name, method, url, body, field) in cases)
        {
            using var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body, body.GetType()) };
            var problem = await (await admin.SendAsync(request)).ShouldBeProblem(HttpStatusCode.BadRequest);
            problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue($"{name}: {problem}");
        }
        (await AuditCountAsync(app)).ShouldBe(auditBefore, "a refused request writes nothing");
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_rejected_value_of_100_kB_is_not_echoed(Provider provider)
    {
        var app = await apps.For(provider);
        using var admin = await app.As(Demo.Admin);
        var huge = new string('Z', 100_000);
        var body = JsonSerializer.SerializeToNode(NewEmployer(Demo.NewBin()))!.AsObject();
        body["regionCode"] = huge;
        body["okedSection"] = huge;

        var response = await admin.PostAsJsonAsync("/api/v1/employers", body);
        var text = await response.Content.ReadAsStringAsync();
        var problem = await response.ShouldBeProblem(HttpStatusCode.BadRequest);
        foreach (var field in new[] { "regionCode", "okedSection" })
            problem.GetProperty("errors").GetProperty(field).EnumerateArray().ShouldAllBe(m => m.GetString()!.Length <= 241);
        text.Length.ShouldBeLessThan(2_000);
    }

    static Task<int> AuditCountAsync(TestApp app) =>
        app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Set<Qonys.Web.Platform.Audit.AuditEntry>()));
}
