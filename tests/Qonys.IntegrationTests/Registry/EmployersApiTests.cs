using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qonys.IntegrationTests.Platform;

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

    [Theory, OnSqlite, OnPostgres]
    public async Task Each_role_reads_employers_within_its_scope_only(Provider provider)
    {
        var app = await apps.For(provider);
        using var officer = await app.As(Demo.OfficerKaraganda);
        var bin = Demo.NewBin();
        (await officer.PostAsJsonAsync("/api/v1/employers", NewEmployer(bin))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var expected = new Dictionary<string, HttpStatusCode>
        {
            [Demo.Admin] = HttpStatusCode.OK,
            [Demo.Analyst] = HttpStatusCode.OK,
            [Demo.OfficerKaraganda] = HttpStatusCode.OK,
            [Demo.InspectorKaraganda] = HttpStatusCode.OK,
            [Demo.OfficerAstana] = HttpStatusCode.NotFound,   // another region: as if it did not exist
            [Demo.Employer] = HttpStatusCode.NotFound,        // another organisation
            [Demo.Applicant] = HttpStatusCode.Forbidden,      // no employers.read permission
            [Demo.Auditor] = HttpStatusCode.Forbidden,
        };
        foreach (var (email, status) in expected)
        {
            using var client = await app.As(email);
            (await client.GetAsync($"/api/v1/employers/{bin}")).StatusCode.ShouldBe(status, email);
        }
        // The demo employer reads its own organisation.
        using var employer = await app.As(Demo.Employer);
        (await employer.GetAsync($"/api/v1/employers/{Qonys.Web.Platform.Demo.DemoAccounts.DemoEmployerBin}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Inspectors_and_analysts_cannot_register_and_a_duplicate_bin_is_409(Provider provider)
    {
        var app = await apps.For(provider);
        var bin = Demo.NewBin();
        foreach (var email in new[] { Demo.InspectorKaraganda, Demo.Analyst, Demo.Auditor, Demo.Applicant })
        {
            using var client = await app.As(email);
            (await client.PostAsJsonAsync("/api/v1/employers", NewEmployer(bin))).StatusCode.ShouldBe(HttpStatusCode.Forbidden, email);
        }
        using var admin = await app.As(Demo.Admin);
        (await admin.PostAsJsonAsync("/api/v1/employers", NewEmployer(bin))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var duplicate = await admin.PostAsJsonAsync("/api/v1/employers", NewEmployer(bin, "KZ-71"));
        duplicate.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        duplicate.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/employers/{bin}")).GetProperty("regionCode").GetString().ShouldBe("KZ-35");
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task An_employer_account_registers_one_organisation_and_then_only_that_one(Provider provider)
    {
        var app = await apps.For(provider);
        var email = $"employer-{Guid.NewGuid():N}@test.qonys.kz";
        const string password = "Test-Password-2026!";
        Guid id;
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Qonys.Web.Platform.Auth.AppUser>>();
            var user = new Qonys.Web.Platform.Auth.AppUser
            {
                Id = id = Guid.CreateVersion7(), UserName = email, Email = email, EmailConfirmed = true, DisplayName = "New employer",
                Role = Qonys.Web.Platform.Auth.Roles.Employer, Culture = "en", CreatedAt = DateTime.UtcNow,
            };
            (await users.CreateAsync(user, password)).Succeeded.ShouldBeTrue();
        }
        using var account = await app.WithTokenAsync(email, password);
        var (own, another) = (Demo.NewBin(), Demo.NewBin());

        (await account.PostAsJsonAsync("/api/v1/employers", NewEmployer(own))).StatusCode.ShouldBe(HttpStatusCode.Created);
        // With the same token: it reads what it registered, and cannot register a second organisation.
        (await account.GetAsync($"/api/v1/employers/{own}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await account.PostAsJsonAsync("/api/v1/employers", NewEmployer(another))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        (await app.WithDbAsync(db => db.Set<Qonys.Web.Platform.Auth.AppUser>().Where(u => u.Id == id).Select(u => u.EmployerBin).SingleAsync()))
            .ShouldBe(own);
        (await app.WithDbAsync(db => db.Set<Qonys.Web.Modules.Registry.Domain.Employer>().AnyAsync(e => e.Bin == another))).ShouldBeFalse();
    }
}
