using System.Net.Http.Headers;
using System.Text;
using Qonys.IntegrationTests.Permits;
using static Qonys.IntegrationTests.Permits.PermitScenario;
using static Qonys.IntegrationTests.Platform.PlatformTestKit;

namespace Qonys.IntegrationTests.Security;

/// <summary>
/// Issue 11, point 5: with the session cookie, a cross-origin form POST to
/// <c>/api/v1/permit-applications/{id}/approve</c> was executed (200). Cookie-signed state changes now need the
/// antiforgery token; bearer calls do not; <c>POST /logout</c> needs it too, and the cookie stops working after it.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed class RequestForgeryTests(Apps apps)
{
    const string DemoBin = "990340001230";

    static HttpRequestMessage ForgedApproval(string id)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/permit-applications/{id}/approve")
        {
            Content = new StringContent("", Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        request.Headers.Add("Origin", "https://attacker.example");
        return request;
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_cookie_signed_cross_origin_approval_is_refused_and_the_same_call_with_a_token_or_a_bearer_token_runs(Provider provider)
    {
        var app = await apps.For(provider);
        var s = new PermitScenario(app);
        var (region, category) = await s.ClaimQuotaRowAsync("KZ-71"); // decided by the Astana officer
        await s.SetAvailableAsync(region, category, 5);
        using var employer = await app.As(Demo.Employer);
        async Task<string> SubmitAsync() => (await ReadAsync(await employer.PostAsJsonAsync("/api/v1/permit-applications",
            Application(DemoBin, region, category)), HttpStatusCode.Created)).GetProperty("id").GetString()!;
        var (first, second) = (await SubmitAsync(), await SubmitAsync());
        using var officer = await Browser.SignedInAsync(app, Demo.OfficerAstana);

        var forged = await (await officer.Http.SendAsync(ForgedApproval(first))).ShouldBeProblem(HttpStatusCode.Forbidden);
        forged.GetProperty("type").GetString()!.ShouldEndWith("csrf");
        var unchanged = await employer.GetFromJsonAsync<JsonElement>($"/api/v1/permit-applications/{first}");
        unchanged.GetProperty("status").GetString().ShouldBe("submitted");

        // The page's own script call: same cookie, with the token the page carries.
        var withToken = ForgedApproval(first);
        withToken.Headers.Remove("Origin");
        withToken.Headers.Add("RequestVerificationToken", await officer.PageTokenAsync());
        (await officer.Http.SendAsync(withToken)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // A program with a bearer token needs no antiforgery token, whatever it claims as origin.
        using var bearer = await app.As(Demo.OfficerAstana);
        (await bearer.SendAsync(ForgedApproval(second))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Logout_needs_the_token_and_afterwards_neither_the_old_cookie_nor_an_earlier_bearer_token_works(Provider provider)
    {
        var app = await apps.For(provider);
        var (_, email, password) = await app.CreateUserAsync();
        using var browser = await Browser.SignedInAsync(app, email, password);
        using var bearer = await app.WithTokenAsync(email, password);
        var stolen = browser.AuthCookie();
        (await browser.Http.GetAsync("/api/v1/notifications")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var forged = new HttpRequestMessage(HttpMethod.Post, "/logout") { Content = new FormUrlEncodedContent([]) };
        forged.Headers.Add("Origin", "https://attacker.example");
        await (await browser.Http.SendAsync(forged)).ShouldBeProblem(HttpStatusCode.Forbidden);
        (await browser.Http.GetAsync("/api/v1/notifications")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var token = Browser.FormToken(await browser.Http.GetStringAsync("/"));
        var logout = await browser.Http.PostAsync("/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        logout.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        using var replay = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = app.BaseAddress };
        replay.DefaultRequestHeaders.Add("Cookie", "qonys.auth=" + stolen);
        await (await replay.GetAsync("/api/v1/notifications")).ShouldBeProblem(HttpStatusCode.Unauthorized);
        await (await bearer.GetAsync("/api/v1/notifications")).ShouldBeProblem(HttpStatusCode.Unauthorized);
        // Signing in again works.
        using var again = await Browser.SignedInAsync(app, email, password);
        (await again.Http.GetAsync("/api/v1/notifications")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
