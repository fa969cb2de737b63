using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Qonys.Web.Platform.Auth;
using Qonys.Web.Platform.Demo;

namespace Qonys.IntegrationTests.Selection;

/// <summary>Arranging selection tests: fresh migrant accounts, candidate bodies, occupations no other test or the demo pool uses.</summary>
public sealed class SelectionScenario(TestApp app)
{
    // Unit groups outside ISCO major groups 2, 3, 7 and 8 (the demo pool's): each round test takes its own, so rounds
    // filtered on it see only the test's own candidates.
    static readonly string[] FreeOccupations =
        ["1120", "1321", "1322", "1323", "1324", "1330", "1342", "5120", "5131", "5311", "5322", "6111", "6121", "9111", "9211", "9312", "9313", "9321", "9329", "9412"];
    static readonly Dictionary<Provider, int> Next = [];

    public static string FreeOccupation(Provider provider)
    {
        lock (Next)
        {
            var n = Next.GetValueOrDefault(provider);
            Next[provider] = n + 1;
            return FreeOccupations[n % FreeOccupations.Length];
        }
    }

    /// <summary>Creates a Migrant account through the app's UserManager and returns a client signed in as it.</summary>
    public async Task<HttpClient> NewMigrantAsync()
    {
        var email = $"migrant.{Guid.NewGuid():N}@test.qonys.kz";
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var created = await users.CreateAsync(new AppUser
            {
                Id = Guid.CreateVersion7(), UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Test Migrant",
                Role = Roles.Migrant, Culture = "en", CreatedAt = DateTime.UtcNow,
            }, DemoAccounts.Password);
            created.Succeeded.ShouldBeTrue(string.Join("; ", created.Errors.Select(e => e.Description)));
        }
        return await app.As(email);
    }

    /// <summary>A valid profile. Shipped pool scorecard points for the defaults: age 30 → 30, bachelor → 25, 6 years → 15,
    /// Kazakh B1 10 + Russian C1 20 + English B2 10 = 40 capped to 35, occupation (per the list), no offer → 0 + 0.</summary>
    public static Dictionary<string, object?> Profile(string occupation, string education = "bachelor", int ageYears = 30, string? region = null,
        long? salary = null) => new()
    {
        ["fullName"] = "Test Candidate",
        ["birthDate"] = TestClock.Shared.Today.AddYears(-ageYears).AddDays(-10).ToString("yyyy-MM-dd"),
        ["citizenship"] = "UZ",
        ["education"] = education,
        ["experienceYears"] = 6,
        ["kazakhLevel"] = "B1",
        ["russianLevel"] = "C1",
        ["englishLevel"] = "B2",
        ["occupationCode"] = occupation,
        ["jobOfferRegionCode"] = region,
        ["offeredMonthlySalaryKzt"] = salary,
    };

    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, text);
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
