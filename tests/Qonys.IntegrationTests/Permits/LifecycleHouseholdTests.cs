using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Qonys.Web.Modules.Permits.Domain;
using Qonys.Web.Modules.Registry.Domain;
using Qonys.Web.Platform.Auth;
using Qonys.Web.Platform.Demo;
using static Qonys.IntegrationTests.Permits.LifecycleSteps;

namespace Qonys.IntegrationTests.Permits;

[Collection(AppsCollection.Name)]
public sealed class LifecycleHouseholdTests(Apps apps)
{
    /// <summary>A citizen registered by IIN with a household-employer account; returns the IIN and the account's e-mail.</summary>
    internal static async Task<(string Iin, string Email)> HouseholdEmployerAsync(TestApp app)
    {
        var iin = Demo.NewBin();
        var email = $"household.{iin}@test.qonys.kz";
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Qonys.Web.Platform.Data.AppDb>();
        var person = new Person
        {
            Id = Guid.CreateVersion7(), Iin = iin, FullName = "Айгүл Сәрсенова", BirthDate = new DateOnly(1980, 3, 8), Sex = "F", Citizenship = "KZ",
            CreatedAt = DateTime.UtcNow,
        };
        db.Add(person);
        await db.SaveChangesAsync();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var created = await users.CreateAsync(new AppUser
        {
            Id = Guid.CreateVersion7(), UserName = email, Email = email, EmailConfirmed = true, DisplayName = person.FullName,
            Role = Roles.HouseholdEmployer, PersonId = person.Id, CreatedAt = DateTime.UtcNow, Culture = "en",
        }, DemoAccounts.Password);
        created.Succeeded.ShouldBeTrue(string.Join("; ", created.Errors.Select(e => e.Description)));
        return (iin, email);
    }

    static object Application(int months) => new { regionCode = "KZ-35", months, worker = Worker() };

    [Theory, OnSqlite, OnPostgres]
    public async Task A_household_employer_holds_at_most_five_permits_and_a_change_of_employer_frees_a_place(Provider provider)
    {
        var app = await apps.For(provider);
        var (iin, email) = await HouseholdEmployerAsync(app);
        var (otherIin, otherEmail) = await HouseholdEmployerAsync(app);
        using var citizen = await app.As(email);
        using var other = await app.As(otherEmail);

        var numbers = new List<string>();
        for (var i = 1; i <= 5; i++)
        {
            var issued = await citizen.PostAsJsonAsync("/api/v1/household-permits", Application(i == 1 ? 1 : 12));
            var body = await issued.Content.ReadFromJsonAsync<JsonElement>();
            issued.StatusCode.ShouldBe(HttpStatusCode.Created, body.ToString());
            body.GetProperty("employerIin").GetString().ShouldBe(iin);
            numbers.Add(body.GetProperty("number").GetString()!);
            // 4 MCI a month, prepaid: 4 × 1 and 4 × 12.
            body.GetProperty("prepaidTax").GetProperty("mci").GetInt32().ShouldBe(i == 1 ? 4 : 48);
        }
        var sixth = await citizen.PostAsJsonAsync("/api/v1/household-permits", Application(6));
        sixth.StatusCode.ShouldBe((HttpStatusCode)422);
        (await ProblemAsync(sixth)).GetProperty("rule").GetString().ShouldBe(HouseholdRules.Limit);
        var tooLong = await other.PostAsJsonAsync("/api/v1/household-permits", Application(13));
        tooLong.StatusCode.ShouldBe((HttpStatusCode)422);
        (await ProblemAsync(tooLong)).GetProperty("rule").GetString().ShouldBe(HouseholdRules.Term);
        (await other.GetAsync($"/api/v1/household-permits/{numbers[0]}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var moved = await citizen.PostAsJsonAsync($"/api/v1/household-permits/{numbers[0]}/employer-change",
            new { newEmployerIin = otherIin, reason = "the worker moved to another family" });
        var movedBody = await moved.Content.ReadFromJsonAsync<JsonElement>();
        moved.StatusCode.ShouldBe(HttpStatusCode.OK, movedBody.ToString());
        movedBody.GetProperty("employerIin").GetString().ShouldBe(otherIin);
        (await other.GetAsync($"/api/v1/household-permits/{numbers[0]}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await citizen.PostAsJsonAsync("/api/v1/household-permits", Application(6))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var list = await citizen.GetFromJsonAsync<JsonElement>("/api/v1/household-permits");
        list.GetProperty("total").GetInt32().ShouldBe(5);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_change_to_an_employer_at_the_limit_is_refused_and_bad_input_is_400(Provider provider)
    {
        var app = await apps.For(provider);
        var (_, email) = await HouseholdEmployerAsync(app);
        var (fullIin, fullEmail) = await HouseholdEmployerAsync(app);
        using var citizen = await app.As(email);
        using var full = await app.As(fullEmail);
        for (var i = 0; i < 5; i++)
            (await full.PostAsJsonAsync("/api/v1/household-permits", Application(3))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var mine = await citizen.PostAsJsonAsync("/api/v1/household-permits", Application(3));
        var number = (await mine.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString()!;

        var refused = await citizen.PostAsJsonAsync($"/api/v1/household-permits/{number}/employer-change", new { newEmployerIin = fullIin });
        refused.StatusCode.ShouldBe((HttpStatusCode)422);
        (await ProblemAsync(refused)).GetProperty("rule").GetString().ShouldBe(HouseholdRules.Limit);
        var badIin = await citizen.PostAsJsonAsync($"/api/v1/household-permits/{number}/employer-change", new { newEmployerIin = "123" });
        badIin.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemAsync(badIin)).GetProperty("errors").TryGetProperty("newEmployerIin", out _).ShouldBeTrue();
        var noMonths = await citizen.PostAsJsonAsync("/api/v1/household-permits", new { regionCode = "KZ-35", worker = Worker() });
        noMonths.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemAsync(noMonths)).GetProperty("errors").TryGetProperty("months", out _).ShouldBeTrue();
        using var employer = await app.As(Demo.Employer);
        (await employer.PostAsJsonAsync("/api/v1/household-permits", Application(3))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
