using System.Text.RegularExpressions;

namespace Qonys.IntegrationTests.Security;

/// <summary>A client that behaves like a browser: keeps cookies, does not follow redirects, signs in through /login.</summary>
sealed partial class Browser : IDisposable
{
    public CookieContainer Cookies { get; } = new();
    public HttpClient Http { get; }

    public Browser(TestApp app, Func<HttpClientHandler, HttpMessageHandler>? wrap = null)
    {
        var handler = new HttpClientHandler { CookieContainer = Cookies, UseCookies = true, AllowAutoRedirect = false };
        Http = new HttpClient(wrap is null ? handler : wrap(handler)) { BaseAddress = app.BaseAddress };
    }

    public static async Task<Browser> SignedInAsync(TestApp app, string email, string password = Qonys.Web.Platform.Demo.DemoAccounts.Password)
    {
        var browser = new Browser(app);
        var response = await browser.SignInAsync(email, password);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return browser;
    }

    public async Task<HttpResponseMessage> SignInAsync(string email, string password)
    {
        var token = FormToken(await Http.GetStringAsync("/login"));
        return await Http.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = email, ["password"] = password, ["__RequestVerificationToken"] = token,
        }));
    }

    /// <summary>The token a signed-in page gives its scripts (the request-verification-token meta tag).</summary>
    public async Task<string> PageTokenAsync()
    {
        var token = MetaToken().Match(await Http.GetStringAsync("/")).Groups[1].Value;
        token.ShouldNotBeEmpty("the signed-in layout's request-verification-token");
        return WebUtility.HtmlDecode(token);
    }

    public string AuthCookie() => Cookies.GetAllCookies().Single(c => c.Name == "qonys.auth").Value;

    public static string FormToken(string html)
    {
        var token = FormField().Match(html).Groups[1].Value;
        token.ShouldNotBeEmpty("the form's __RequestVerificationToken");
        return WebUtility.HtmlDecode(token);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex FormField();

    [GeneratedRegex("<meta name=\"request-verification-token\" content=\"([^\"]+)\"")]
    private static partial Regex MetaToken();

    public void Dispose() => Http.Dispose();
}
