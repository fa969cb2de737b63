using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Qonys.Web.Platform.Auth;
using Qonys.Web.Platform.Demo;
using static Qonys.IntegrationTests.Platform.PlatformTestKit;

namespace Qonys.IntegrationTests.Platform;

/// <summary>
/// Every endpoint of the app either requires authorization or is public (in docs/api.md's table for the API, in
/// <see cref="AccessTable"/> for the rest), and every route lets in exactly the roles they give it: the API's routes
/// are those of the OpenAPI document, each with what docs/api.md says (<see cref="WhoMayCallIt"/>), so a route added
/// without an entry there fails.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed partial class AuthorizationMatrixTests(Apps apps)
{
    /// <summary>What may be used without signing in: the public rows of <see cref="AccessTable"/> and of docs/api.md.</summary>
    static readonly HashSet<string> Public = AccessTable.Rows.Where(r => r.Who == AccessTable.Public).Select(r => r.Route)
        .Concat(WhoMayCallIt.FromDocs().Entries.Where(e => e.Roles is null).Select(e => e.Route)).ToHashSet();

    sealed record Route(string Methods, string Pattern, bool Anonymous, bool Authorized)
    {
        public string Key => Methods + " " + Pattern;

        /// <summary>The name the OpenAPI document (and docs/api.md's table) gives it: "GET /api/v1/x/{id}".</summary>
        public string OpenApiKey => Methods + " " + ConstraintOf().Replace(Pattern, "{${name}}");
    }

    /// <summary>One cell row of the sweep: the route to call, and who may (null: public).</summary>
    sealed record Expectation(string Route, string Method, string Pattern, IReadOnlySet<string>? Allowed);

    static IReadOnlyList<Route> Routes(TestApp app) =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => new Route(
                e.Metadata.GetMetadata<HttpMethodMetadata>() is { } m ? string.Join(",", m.HttpMethods) : "*",
                "/" + (e.RoutePattern.RawText ?? "").Trim('/'),
                e.Metadata.GetMetadata<IAllowAnonymous>() is not null,
                e.Metadata.GetOrderedMetadata<IAuthorizeData>().Count > 0))
            .ToList();

    [Theory, OnSqlite]
    public async Task Every_endpoint_requires_authorization_or_is_listed_as_public(Provider provider)
    {
        var app = await apps.For(provider);
        var routes = Routes(app);
        routes.Count.ShouldBeGreaterThan(15);
        routes.ShouldContain(r => r.Key == "POST /api/v1/employers");
        routes.ShouldContain(r => r.Key == "* /login"); // the Razor Pages are found too
        routes.ShouldContain(r => r.Key == "* /audit" && !r.Anonymous && r.Authorized);

        var unprotected = routes.Where(r => !r.Anonymous && !r.Authorized).Select(r => r.Key).ToList();
        var anonymousButNotPublic = routes.Where(r => r.Anonymous && !Public.Contains(r.Key) && !Public.Contains(r.OpenApiKey)).Select(r => r.Key).ToList();

        unprotected.ShouldBeEmpty("endpoints with no authorization requirement");
        anonymousButNotPublic.ShouldBeEmpty("anonymous endpoints missing from the public list");
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Every_protected_api_route_answers_401_without_a_token(Provider provider)
    {
        var app = await apps.For(provider);
        var protectedApi = Routes(app).Where(r => r.Pattern.StartsWith("/api/", StringComparison.Ordinal) && !r.Anonymous && r.Authorized).ToList();
        protectedApi.Count.ShouldBeGreaterThan(5);
        using var anonymous = app.Anonymous();
        var failures = new List<string>();
        foreach (var route in protectedApi)
            foreach (var method in route.Methods.Split(','))
            {
                var request = new HttpRequestMessage(new HttpMethod(method == "*" ? "GET" : method), WithDummyValues(route.Pattern));
                if (method is "POST" or "PUT" or "PATCH") request.Content = JsonContent.Create(new { });
                var response = await anonymous.SendAsync(request);
                if (response.StatusCode != HttpStatusCode.Unauthorized ||
                    response.Content.Headers.ContentType?.MediaType != ProblemJson)
                    failures.Add($"{method} {route.Pattern}: {(int)response.StatusCode} {response.Content.Headers.ContentType?.MediaType}");
            }
        failures.ShouldBeEmpty();
    }

    [Fact]
    public void The_access_table_names_every_route_once_and_only_known_roles()
    {
        AccessTable.Rows.Select(r => r.Route).ShouldBeUnique();
        WhoMayCallIt.FromDocs().Entries.Select(e => e.Route).ShouldBeUnique();
        var known = Roles.All.Concat([AccessTable.Public, AccessTable.SignedIn]).ToHashSet();
        foreach (var row in AccessTable.Rows)
        {
            row.Source.ShouldBeOneOf("docs", "spec", "code");
            row.Who.Split(' ').ShouldAllBe(w => known.Contains(w), row.Route);
        }
        foreach (var entry in WhoMayCallIt.FromDocs().Entries) (entry.Roles ?? new HashSet<string>()).ShouldAllBe(r => known.Contains(r), entry.Route);
    }

    /// <summary>
    /// What the sweep expects: every operation of the OpenAPI document with what docs/api.md says (an operation without
    /// an entry there is a failure), then every other route of the app with its <see cref="AccessTable"/> row.
    /// </summary>
    static async Task<(List<Expectation> Expectations, List<string> Missing)> ExpectationsAsync(TestApp app)
    {
        var missing = new List<string>();
        var docs = WhoMayCallIt.FromDocs().Entries.ToDictionary(e => e.Route);
        var operations = await WhoMayCallIt.OperationsAsync(app);
        var endpoints = WhoMayCallIt.Endpoints(app);
        var expectations = new List<Expectation>();
        foreach (var operation in operations)
        {
            var pattern = "/" + (endpoints[operation].RoutePattern.RawText ?? "").Trim('/');
            if (docs.TryGetValue(operation, out var entry))
                expectations.Add(new(operation, operation[..operation.IndexOf(' ', StringComparison.Ordinal)], pattern, entry.Roles));
            else missing.Add($"{operation}: an operation of the OpenAPI document with no entry in docs/api.md's table");
        }
        missing.AddRange(docs.Keys.Where(k => !operations.Contains(k)).Select(k => $"{k}: docs/api.md names no such operation"));
        var documented = operations.ToHashSet();
        foreach (var route in Routes(app).Where(r => !documented.Contains(r.OpenApiKey)))
        {
            var row = AccessTable.Rows.FirstOrDefault(r => r.Route == route.Key);
            if (row is null) missing.Add($"{route.Key}: neither an operation of the OpenAPI document nor in the access table");
            else expectations.Add(new(row.Route, row.Method, row.Pattern, Allowed(row.Who)));
        }
        missing.AddRange(AccessTable.Rows.Where(r => !Routes(app).Any(route => route.Key == r.Route)).Select(r => $"{r.Route}: the access table names no route"));
        missing.AddRange(Routes(app).Where(r => documented.Contains(r.OpenApiKey) && AccessTable.Rows.Any(row => row.Route == r.Key))
            .Select(r => $"{r.Key}: an operation of the OpenAPI document; who may call it belongs in docs/api.md's table, not the access table"));
        return (expectations, missing);
    }

    /// <summary>
    /// Every route has an entry (docs/api.md for the OpenAPI document's operations, the access table for the rest) and every
    /// entry a route; then each cell through real HTTP, with every role and without signing in: an API route answers 401
    /// without a token, 403 to a role it does not allow, and neither (nor a server error) to a role it allows; outside /api
    /// the anonymous are sent to /login instead of a 401.
    /// </summary>
    [Theory, OnSqlite, OnPostgres]
    public async Task Every_route_lets_in_exactly_the_roles_of_the_access_table(Provider provider)
    {
        // Its own app: signing out (one of the routes) revokes every token of the account, which the shared app's other
        // tests hold.
        await using var app = await TestApp.StartAsync(provider);
        var (expectations, missing) = await ExpectationsAsync(app);
        missing.ShouldBeEmpty();

        var clients = new List<(string Role, HttpClient Client)> { ("", NoRedirects(app, null)) };
        foreach (var role in Roles.All)
        {
            var email = DemoAccounts.All.FirstOrDefault(a => a.Role == role)?.Email;
            var password = DemoAccounts.Password;
            if (email is null) (_, email, password) = await app.CreateUserAsync(role); // no demo account has this role
            clients.Add((role, NoRedirects(app, await app.TokenAsync(email, password))));
        }

        var failures = new List<string>();
        var cells = 0;
        // Sign-out last: it revokes the account's token, which the other rows still use.
        foreach (var row in expectations.OrderBy(r => r.Pattern == "/logout"))
        {
            var allowed = row.Allowed;
            var page = row.Method == "*";
            foreach (var method in row.Method.Split(','))
                foreach (var (role, client) in clients)
                {
                    var request = new HttpRequestMessage(new HttpMethod(page ? "GET" : method), WithDummyValues(row.Pattern));
                    if (method is "POST" or "PUT" or "PATCH") request.Content = JsonContent.Create(new { });
                    using var response = await client.SendAsync(request);
                    var status = (int)response.StatusCode;
                    var location = response.Headers.Location?.OriginalString ?? "";
                    // The sign-in challenge sends a page's visitor to /login with the way back (sign-out also ends on /login, without it).
                    var toLogin = status == 302 && location.Contains("/login?ReturnUrl=", StringComparison.Ordinal);
                    var refused = status == 403 || (status == 302 && location.Contains("/forbidden", StringComparison.Ordinal));
                    var expected = (role, allowed) switch
                    {
                        // The access-denied page itself answers 403 to everyone: that is its content, not a refusal.
                        (_, null) when row.Pattern == "/forbidden" => status == 403,
                        (_, null) => status is not (401 or 403) && !toLogin && status < 500,
                        ("", _) => row.Pattern.StartsWith("/api/", StringComparison.Ordinal) ? status == 401 : toLogin,
                        (_, var roles) when roles.Contains(role) => status is not (401 or 403) && !toLogin && !refused && status < 500,
                        _ => refused,
                    };
                    cells++;
                    if (!expected) failures.Add($"{row.Route} as {(role == "" ? "anonymous" : role)}: {status} {location}");
                }
        }
        foreach (var (_, client) in clients) client.Dispose();
        cells.ShouldBeGreaterThan(expectations.Count * Roles.All.Count);
        failures.ShouldBeEmpty();
    }

    /// <summary>The roles a "who" lets in: null for public, every role for signed-in, else the named roles.</summary>
    static HashSet<string>? Allowed(string who) => who switch
    {
        AccessTable.Public => null,
        AccessTable.SignedIn => [.. Roles.All],
        _ => [.. who.Split(' ')],
    };

    static HttpClient NoRedirects(TestApp app, string? token)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = app.BaseAddress };
        if (token is not null) client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>/api/v1/x/{id:guid}/read → /api/v1/x/00000000-…/read; {year:int} → 2026; anything else → "x".</summary>
    static string WithDummyValues(string pattern) => Parameter().Replace(pattern, m =>
        m.Groups["constraint"].Value switch
        {
            var c when c.Contains("guid", StringComparison.Ordinal) => Guid.Empty.ToString(),
            var c when c.Contains("int", StringComparison.Ordinal) || c.Contains("long", StringComparison.Ordinal) => "2026",
            _ => "x",
        });

    [GeneratedRegex(@"\{\*?(?<name>[^}:]+)(?<constraint>(:[^}]+)?)\}")]
    private static partial Regex Parameter();

    [GeneratedRegex(@"\{\*?(?<name>[^}:=?]+)[^}]*\}")]
    private static partial Regex ConstraintOf();
}
