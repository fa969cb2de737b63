using System.Net.Http.Headers;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qonys.Web.Platform.Auth;

namespace Qonys.IntegrationTests.Platform;

/// <summary>Small helpers shared by the platform's integration tests.</summary>
static class PlatformTestKit
{
    public const string ProblemJson = "application/problem+json";

    public static object NewEmployer(string bin, string region = "KZ-35") => new
    {
        bin, name = "TOO Platform " + bin, regionCode = region, okedSection = "F",
        staff = new { citizens = new Dictionary<string, int> { ["1"] = 1, ["2"] = 2, ["3"] = 3, ["4"] = 4 },
                      foreigners = new Dictionary<string, int> { ["1"] = 0, ["2"] = 0, ["3"] = 1, ["4"] = 1 } },
        isSmallBusiness = true, isBranchOffice = false,
    };

    /// <summary>Checks an answer is RFC 9457 problem details with the given status and returns its body.</summary>
    public static async Task<JsonElement> ShouldBeProblem(this HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, text);
        response.Content.Headers.ContentType?.MediaType.ShouldBe(ProblemJson, text);
        var problem = JsonDocument.Parse(text).RootElement;
        problem.GetProperty("status").GetInt32().ShouldBe((int)status);
        problem.TryGetProperty("title", out _).ShouldBeTrue(text);
        problem.TryGetProperty("type", out _).ShouldBeTrue(text);
        return problem;
    }

    /// <summary>Runs raw SQL on the app's database (arranging what HTTP cannot, e.g. tampering).</summary>
    public static Task<int> SqlAsync(this TestApp app, string sql) =>
        app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(sql));

    /// <summary>Creates a fresh account (not a demo account) and returns its id, e-mail and password.</summary>
    public static async Task<(Guid Id, string Email, string Password)> CreateUserAsync(this TestApp app, string role = Roles.Applicant)
    {
        var email = $"user-{Guid.NewGuid():N}@test.qonys.kz";
        const string password = "Test-Password-2026!";
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser
        {
            Id = Guid.CreateVersion7(), UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Test user", Role = role,
            Culture = "en", CreatedAt = DateTime.UtcNow,
        };
        var created = await users.CreateAsync(user, password);
        created.Succeeded.ShouldBeTrue(string.Join("; ", created.Errors.Select(e => e.Description)));
        return (user.Id, email, password);
    }

    public static async Task<HttpResponseMessage> RequestTokenAsync(this TestApp app, string email, string password)
    {
        using var client = app.Anonymous();
        return await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password });
    }

    public static async Task<HttpClient> WithTokenAsync(this TestApp app, string email, string password)
    {
        var response = await app.RequestTokenAsync(email, password);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Waits (without asserting on time) until <paramref name="condition"/> holds; fails after a generous deadline.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("never happened: " + what);
            await Task.Delay(100);
        }
    }

    /// <summary>A quoted SQL identifier list works on both providers ("name").</summary>
    public static string Q(string name) => "\"" + name + "\"";
}
