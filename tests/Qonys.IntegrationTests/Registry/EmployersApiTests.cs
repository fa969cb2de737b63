using Microsoft.EntityFrameworkCore;

namespace Qonys.IntegrationTests.Registry;

[Collection(AppsCollection.Name)]
public sealed class EmployersApiTests(Apps apps)
{
    static object NewEmployer(string bin, string region = "KZ-35") => new
    {
        bin, name = "TOO Test " + bin, regionCode = region, okedSection = "F",
        staff = new { citizens = new Dictionary<string, int> { ["1"] = 2, ["2"] = 5, ["3"] = 40, ["4"] = 100 },
                      foreigners = new Dictionary<string, int> { ["1"] = 0, ["2"] = 1, ["3"] = 2, ["4"] = 3 } },
        isSmallBusiness = false, isBranchOffice = false,
    };

    [Theory, OnSqlite, OnPostgres]
    public async Task Officer_registers_an_employer_of_its_region_and_reads_it_back(Provider provider)
    {
        var app = await apps.For(provider);
        using var officer = await app.As(Demo.OfficerKaraganda);
        var bin = Demo.NewBin();

        var created = await officer.PostAsJsonAsync("/api/v1/employers", NewEmployer(bin));

        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        created.Headers.Location!.ToString().ShouldBe($"/api/v1/employers/{bin}");
        var read = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/employers/{bin}");
        read.GetProperty("regionCode").GetString().ShouldBe("KZ-35");
        read.GetProperty("staff").GetProperty("citizens").GetProperty("3").GetInt32().ShouldBe(40);
        read.GetProperty("staff").GetProperty("foreigners").GetProperty("4").GetInt32().ShouldBe(3);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_wrong_check_digit_is_a_400_naming_the_bin(Provider provider)
    {
        var app = await apps.For(provider);
        using var admin = await app.As(Demo.Admin);
        var bin = Demo.NewBin();
        var wrong = bin[..11] + (char)('0' + (bin[11] - '0' + 1) % 10);

        var response = await admin.PostAsJsonAsync("/api/v1/employers", NewEmployer(wrong));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").GetProperty("bin")[0].GetString()!.ShouldContain("check digit");
        (await admin.GetAsync($"/api/v1/employers/{wrong}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Another_regions_officer_gets_404_and_cannot_register_there(Provider provider)
    {
        var app = await apps.For(provider);
        using var karaganda = await app.As(Demo.OfficerKaraganda);
        using var astana = await app.As(Demo.OfficerAstana);
        var bin = Demo.NewBin();
        (await karaganda.PostAsJsonAsync("/api/v1/employers", NewEmployer(bin))).StatusCode.ShouldBe(HttpStatusCode.Created);

        (await astana.GetAsync($"/api/v1/employers/{bin}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await astana.PostAsJsonAsync("/api/v1/employers", NewEmployer(Demo.NewBin(), "KZ-35"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_same_idempotency_key_replays_the_first_answer_and_a_different_body_is_422(Provider provider)
    {
        var app = await apps.For(provider);
        using var admin = await app.As(Demo.Admin);
        var bin = Demo.NewBin();
        var key = Guid.NewGuid().ToString();

        async Task<HttpResponseMessage> Post(object body)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/employers") { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", key);
            return await admin.SendAsync(request);
        }

        var first = await Post(NewEmployer(bin));
        var again = await Post(NewEmployer(bin));
        var other = await Post(NewEmployer(Demo.NewBin()));

        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        again.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await again.Content.ReadAsStringAsync()).ShouldBe(await first.Content.ReadAsStringAsync());
        again.Headers.Location.ShouldBe(first.Headers.Location);
        other.StatusCode.ShouldBe((HttpStatusCode)422);
        other.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        // One row and one audit entry for the employer, however often the request was replayed.
        (await app.WithDbAsync(db => db.Set<Qonys.Web.Modules.Registry.Domain.Employer>().CountAsync(e => e.Bin == bin))).ShouldBe(1);
        (await app.WithDbAsync(db => db.Set<Qonys.Web.Platform.Audit.AuditEntry>()
            .CountAsync(e => e.Type == "registry.employer_registered" && e.EntityId == bin))).ShouldBe(1);
    }
}
