using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Qonys.IntegrationTests.Security;

/// <summary>
/// Issue 11, point 6: security headers on every response, a Content-Security-Policy the pages satisfy, HSTS and
/// Secure cookies on HTTPS (here: TLS terminated at a proxy, Qonys:Security:BehindProxy), no-store on personal data,
/// no Server header.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed partial class SecurityHeadersTests(Apps apps)
{
    static void ShouldHaveTheHeaders(HttpResponseMessage response, string what)
    {
        string? Header(string name) =>
            response.Headers.TryGetValues(name, out var v) ? string.Join(",", v)
            : response.Content.Headers.TryGetValues(name, out var c) ? string.Join(",", c) : null;
        var csp = Header("Content-Security-Policy");
        csp.ShouldNotBeNull(what);
        csp.ShouldContain("script-src 'self'", customMessage: what);
        csp.ShouldNotContain("unsafe-eval", customMessage: what);
        csp.ShouldContain("frame-ancestors 'none'", customMessage: what);
        Regex.Match(csp, "script-src[^;]*").Value.ShouldNotContain("unsafe-inline", customMessage: what);
        Header("X-Content-Type-Options").ShouldBe("nosniff", what);
        Header("X-Frame-Options").ShouldBe("DENY", what);
        Header("Referrer-Policy").ShouldBe("strict-origin-when-cross-origin", what);
        Header("Server").ShouldBeNull(what);
        Header("Strict-Transport-Security").ShouldBeNull(what + " (plain HTTP)");
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Every_kind_of_response_has_the_security_headers_and_personal_data_is_not_stored(Provider provider)
    {
        var app = await apps.For(provider);
        using var admin = await app.As(Demo.Admin);
        using var anonymous = app.Anonymous();
        using var browser = await Browser.SignedInAsync(app, Demo.Admin);
        var personal = new Dictionary<string, HttpResponseMessage>
        {
            ["GET /api/v1/employers/{bin}"] = await admin.GetAsync("/api/v1/employers/" + Qonys.Web.Platform.Demo.DemoAccounts.DemoEmployerBin),
            ["GET /api/v1/household-permits"] = await admin.GetAsync("/api/v1/household-permits?pageSize=5"),
            ["GET / (signed in)"] = await browser.Http.GetAsync("/"),
            ["GET /notifications (signed in)"] = await browser.Http.GetAsync("/notifications"),
        };
        var other = new Dictionary<string, HttpResponseMessage>
        {
            ["GET /login"] = await anonymous.GetAsync("/login"),
            ["GET /css/site.css"] = await anonymous.GetAsync("/css/site.css"),
            ["GET /no-such-page"] = await anonymous.GetAsync("/no-such-page"),
            ["GET /api/v1/employers/{bin} anonymous"] = await anonymous.GetAsync("/api/v1/employers/" + Demo.NewBin()),
            ["POST /api/v1/auth/token (bad body)"] = await anonymous.PostAsync("/api/v1/auth/token", new StringContent("{", System.Text.Encoding.UTF8, "application/json")),
        };
        foreach (var (what, response) in personal.Concat(other)) ShouldHaveTheHeaders(response, what);
        foreach (var (what, response) in personal)
        {
            ((int)response.StatusCode).ShouldBeLessThan(300, what);
            response.Headers.CacheControl?.NoStore.ShouldBe(true, what);
        }
    }

    [GeneratedRegex("<script(?![^>]*\\bsrc=)(?![^>]*type=\"application/json\")[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex("\\son[a-z]+\\s*=|javascript:", RegexOptions.IgnoreCase)]
    private static partial Regex InlineHandler();

    [Theory, OnSqlite]
    public async Task No_page_has_an_inline_script_or_event_handler(Provider provider)
    {
        var app = await apps.For(provider);
        var pages = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => "/" + (e.RoutePattern.RawText ?? "").Trim('/'))
            .Where(p => !p.Contains('{'))
            .Distinct().ToList();
        pages.ShouldContain("/login");
        pages.Count.ShouldBeGreaterThan(10);
        var checkedPages = 0;
        foreach (var account in new[] { Demo.Admin, Demo.Analyst, Demo.OfficerKaraganda, Demo.Employer })
        {
            using var browser = await Browser.SignedInAsync(app, account);
            foreach (var page in pages)
            {
                var response = await browser.Http.GetAsync(page);
                if (response.Content.Headers.ContentType?.MediaType != "text/html") continue;
                var html = await response.Content.ReadAsStringAsync();
                InlineScript().Matches(html).Select(m => m.Value).ShouldBeEmpty($"{page} as {account}");
                InlineHandler().Matches(html).Select(m => m.Value).ShouldBeEmpty($"{page} as {account}");
                checkedPages++;
            }
        }
        checkedPages.ShouldBeGreaterThan(pages.Count);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Behind_a_tls_proxy_https_requests_get_hsts_and_secure_cookies_and_plain_ones_do_not(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider, new Dictionary<string, string?> { ["Qonys:Security:BehindProxy"] = "true" });
        // Cookies are carried by hand: a cookie container would not send Secure cookies to this plain-HTTP address.
        async Task<(HttpResponseMessage Login, HttpResponseMessage Page)> SignInAsync(bool https)
        {
            using var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };
            if (https) client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
            var page = await client.GetAsync("/login");
            var token = Browser.FormToken(await page.Content.ReadAsStringAsync());
            var login = new HttpRequestMessage(HttpMethod.Post, "/login")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["email"] = Demo.Analyst, ["password"] = Qonys.Web.Platform.Demo.DemoAccounts.Password, ["__RequestVerificationToken"] = token,
                }),
            };
            login.Headers.Add("Cookie", string.Join("; ", page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0])));
            return (await client.SendAsync(login), page);
        }

        var (secureLogin, securePage) = await SignInAsync(https: true);
        secureLogin.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        securePage.Headers.GetValues("Strict-Transport-Security").Single().ShouldStartWith("max-age=31536000");
        var secureCookies = secureLogin.Headers.GetValues("Set-Cookie").Concat(securePage.Headers.GetValues("Set-Cookie")).ToList();
        secureCookies.ShouldContain(c => c.StartsWith("qonys.auth=", StringComparison.Ordinal));
        secureCookies.ShouldAllBe(c => c.Contains("; secure", StringComparison.OrdinalIgnoreCase));

        var (plainLogin, plainPage) = await SignInAsync(https: false);
        plainLogin.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        plainPage.Headers.Contains("Strict-Transport-Security").ShouldBeFalse();
        plainLogin.Headers.GetValues("Set-Cookie").ShouldAllBe(c => !c.Contains("; secure", StringComparison.OrdinalIgnoreCase));
    }
}
