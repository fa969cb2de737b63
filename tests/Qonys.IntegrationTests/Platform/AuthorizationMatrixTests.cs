using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using static Qonys.IntegrationTests.Platform.PlatformTestKit;

namespace Qonys.IntegrationTests.Platform;

/// <summary>Every endpoint of the app either requires authorization or is on the explicit public list below.</summary>
[Collection(AppsCollection.Name)]
public sealed partial class AuthorizationMatrixTests(Apps apps)
{
    /// <summary>What may be used without signing in: "METHOD pattern" ("*" for Razor Pages, which answer any method).</summary>
    static readonly HashSet<string> Public =
    [
        "* /health/live", // MapHealthChecks answers any method
        "* /health/ready",
        "GET /openapi/{documentName}.json",
        "POST /api/v1/auth/token",
        "GET /api/v1/reference/regions",
        "GET /api/v1/reference/mci/{year:int}",
        "GET /api/v1/reference/countries",
        "GET /api/v1/reference/oked-sections",
        "GET /api/v1/reference/occupations",
        "GET /api/v1/reference/calendar/{year:int}",
        "GET /api/v1/reference/rule-values",
        "GET /api/v1/reference/permit-fees",
        "* /login",
        "* /",
        "* /forbidden",
        "* /api-docs",
        // Public permit verification (API.md): the API and the page the QR code points to.
        "GET /api/v1/public/permits/{number}/verify",
        "* /verify/{number?}",
        // Invitation rounds publish their cut-off scores (PRODUCT.md §2.4); the invitation lists stay administrators' only.
        "GET /api/v1/selection/rounds",
        "GET /api/v1/selection/rounds/{id:guid}",
    ];

    sealed record Route(string Methods, string Pattern, bool Anonymous, bool Authorized)
    {
        public string Key => Methods + " " + Pattern;
    }

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
        var anonymousButNotPublic = routes.Where(r => r.Anonymous && !Public.Contains(r.Key)).Select(r => r.Key).ToList();

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
}
