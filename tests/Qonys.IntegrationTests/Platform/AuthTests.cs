using Microsoft.EntityFrameworkCore;
using Qonys.Web.Platform.Audit;
using Qonys.Web.Platform.Auth;
using Qonys.Web.Platform.Demo;
using Qonys.Web.Platform.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static Qonys.IntegrationTests.Platform.PlatformTestKit;

namespace Qonys.IntegrationTests.Platform;

[Collection(AppsCollection.Name)]
public sealed class AuthTests(Apps apps)
{
    public static TheoryData<string> DemoAccountEmails()
    {
        var data = new TheoryData<string>();
        foreach (var a in DemoAccounts.All) data.Add(a.Email);
        return data;
    }

    // Every row on both providers: without PostgreSQL its rows are reported as skipped, never left out.
    [Theory, OnSqlite(nameof(DemoAccountEmails)), OnPostgres(nameof(DemoAccountEmails))]
    public async Task Every_demo_account_gets_a_token_that_signs_it_in(Provider provider, string email)
    {
        var app = await apps.For(provider);
        var response = await app.RequestTokenAsync(email, DemoAccounts.Password);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("accessToken").GetString().ShouldNotBeNullOrEmpty();
        body.GetProperty("expiresIn").GetInt32().ShouldBe(3600); // 60 minutes, the default token lifetime

        using var client = await app.WithTokenAsync(email, DemoAccounts.Password);
        var inbox = await client.GetAsync("/api/v1/notifications/unread-count");
        // Signed in: never 401. Every person's account reads its count (integration clients are machines: IntegrationClientTests).
        inbox.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_wrong_password_or_unknown_email_is_a_401_problem(Provider provider)
    {
        var app = await apps.For(provider);
        var problem = await (await app.RequestTokenAsync(Demo.Analyst, "not-the-password")).ShouldBeProblem(HttpStatusCode.Unauthorized);
        problem.GetProperty("detail").GetString()!.ShouldContain("Wrong e-mail or password");
        await (await app.RequestTokenAsync("nobody@test.qonys.kz", "whatever-1!")).ShouldBeProblem(HttpStatusCode.Unauthorized);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Missing_credentials_are_a_400_naming_the_fields(Provider provider)
    {
        var app = await apps.For(provider);
        using var client = app.Anonymous();
        var problem = await (await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "" })).ShouldBeProblem(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").TryGetProperty("email", out _).ShouldBeTrue();
        problem.GetProperty("errors").TryGetProperty("password", out _).ShouldBeTrue();
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Repeated_failures_lock_the_account_even_for_the_right_password(Provider provider)
    {
        var app = await apps.For(provider);
        var (_, email, password) = await app.CreateUserAsync();
        var max = app.Services.GetRequiredService<IOptions<QonysOptions>>().Value.Auth.MaxFailedAccessAttempts;
        max.ShouldBe(5);

        for (var i = 1; i < max; i++)
        {
            var p = await (await app.RequestTokenAsync(email, "wrong-password-" + i)).ShouldBeProblem(HttpStatusCode.Unauthorized);
            p.GetProperty("detail").GetString()!.ShouldNotContain("locked");
        }
        // The max-th failure locks the account.
        await (await app.RequestTokenAsync(email, "wrong-password-last")).ShouldBeProblem(HttpStatusCode.Unauthorized);
        var locked = await (await app.RequestTokenAsync(email, password)).ShouldBeProblem(HttpStatusCode.Unauthorized);
        locked.GetProperty("detail").GetString()!.ShouldContain("locked");
    }

    [Theory, OnSqlite]
    public async Task The_token_endpoint_is_rate_limited(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider, new Dictionary<string, string?> { ["Qonys:Auth:TokenRequestsPerMinute"] = "3" });
        for (var i = 0; i < 3; i++)
            (await app.RequestTokenAsync(Demo.Analyst, "wrong")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var limited = await app.RequestTokenAsync(Demo.Analyst, DemoAccounts.Password);

        await limited.ShouldBeProblem(HttpStatusCode.TooManyRequests);
        limited.Headers.RetryAfter.ShouldNotBeNull();
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task No_token_or_a_bad_token_is_a_401_problem(Provider provider)
    {
        var app = await apps.For(provider);
        using var anonymous = app.Anonymous();
        await (await anonymous.GetAsync($"/api/v1/employers/{DemoAccounts.DemoEmployerBin}")).ShouldBeProblem(HttpStatusCode.Unauthorized);
        await (await anonymous.PostAsJsonAsync("/api/v1/employers", NewEmployer(Demo.NewBin()))).ShouldBeProblem(HttpStatusCode.Unauthorized);

        using var forged = app.Anonymous();
        forged.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "not-a-token");
        await (await forged.GetAsync($"/api/v1/employers/{DemoAccounts.DemoEmployerBin}")).ShouldBeProblem(HttpStatusCode.Unauthorized);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_role_without_the_permission_gets_a_403_problem_and_an_audit_entry(Provider provider)
    {
        var app = await apps.For(provider);
        using var analyst = await app.As(Demo.Analyst);
        var analystId = await app.WithDbAsync(db => db.Set<AppUser>().Where(u => u.Email == Demo.Analyst).Select(u => u.Id).SingleAsync());
        Task<int> Refusals() => app.WithDbAsync(db => db.Set<AuditEntry>().CountAsync(e =>
            e.Type == PlatformAuditEvents.AuthorizationFailed.Code && e.ActorId == analystId && e.EntityId == "POST /api/v1/employers"));
        var before = await Refusals();
        var bin = Demo.NewBin();

        await (await analyst.PostAsJsonAsync("/api/v1/employers", NewEmployer(bin))).ShouldBeProblem(HttpStatusCode.Forbidden);

        (await Refusals()).ShouldBe(before + 1);
        (await app.WithDbAsync(db => db.Set<Qonys.Web.Modules.Registry.Domain.Employer>().AnyAsync(e => e.Bin == bin))).ShouldBeFalse();
    }

    [Theory, OnSqlite]
    public async Task The_login_page_shares_the_sign_in_rate_limit(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider, new Dictionary<string, string?> { ["Qonys:Auth:TokenRequestsPerMinute"] = "3" });
        var (userId, email, _) = await app.CreateUserAsync();
        using var browser = new HttpClient(new HttpClientHandler { UseCookies = true, AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };
        var page = await browser.GetStringAsync("/login");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        token.ShouldNotBeEmpty();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
            statuses.Add((await browser.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["email"] = email, ["password"] = "wrong-password-" + i, ["__RequestVerificationToken"] = token,
            }))).StatusCode);

        statuses.ShouldContain(HttpStatusCode.TooManyRequests);
        var checks = await app.WithDbAsync(db => db.Set<AuditEntry>().CountAsync(e => e.Type == PlatformAuditEvents.LoginFailed.Code && e.ActorId == userId));
        checks.ShouldBeLessThanOrEqualTo(3); // no more password checks from one address than the limit allows
    }
}
