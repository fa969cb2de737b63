using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Qonys.IntegrationTests.Platform.OpenApi;

/// <summary>
/// The OpenAPI document of the real app, operation by operation: an operationId, a summary, the security schemes
/// exactly where the route requires authorization, and the refusals it can answer.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed partial class OpenApiDocumentTests(Apps apps)
{
    /// <summary>
    /// Public lists that take no parameter, no body and no sign-in: nothing a caller sends can be refused, so they
    /// document no 4xx (the only operation-4xx-response warnings Redocly gives, docs/api.md).
    /// </summary>
    static readonly string[] NothingToRefuse =
    [
        "GET /api/v1/integration/outbound-schemas",
        "GET /api/v1/reference/countries",
        "GET /api/v1/reference/occupations",
        "GET /api/v1/reference/oked-sections",
        "GET /api/v1/reference/permit-fees",
        "GET /api/v1/reference/regions",
        "GET /api/v1/reference/rule-values",
    ];

    sealed record Operation(string Key, JsonElement Body);

    static async Task<(JsonElement Document, List<Operation> Operations)> DocumentAsync(TestApp app)
    {
        using var client = app.Anonymous();
        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject()
                .Select(op => new Operation(op.Name.ToUpperInvariant() + " " + path.Name, op.Value)))
            .ToList();
        return (document, operations);
    }

    /// <summary>
    /// Every API route of the app as the document names it ("GET /api/v1/x/{id}"), with whether it requires
    /// authorization (as the authorization-matrix test reads it).
    /// </summary>
    static Dictionary<string, bool> ApiRoutes(TestApp app) =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => (e.RoutePattern.RawText ?? "").TrimStart('/').StartsWith("api/", StringComparison.Ordinal))
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(method => (
                Key: method + " " + Constraint().Replace("/" + e.RoutePattern.RawText!.Trim('/'), "{${name}}"),
                RequiresAuthorization: e.Metadata.GetOrderedMetadata<IAuthorizeData>().Count > 0 &&
                                       e.Metadata.GetMetadata<IAllowAnonymous>() is null)))
            .ToDictionary(r => r.Key, r => r.RequiresAuthorization);

    [Theory, OnSqlite]
    public async Task Every_api_route_is_an_operation_with_a_unique_id_and_a_summary(Provider provider)
    {
        var app = await apps.For(provider);
        var (_, operations) = await DocumentAsync(app);
        var routes = ApiRoutes(app);

        operations.Select(o => o.Key).Order(StringComparer.Ordinal).ToArray()
            .ShouldBe(routes.Keys.Order(StringComparer.Ordinal).ToArray(), "every API route documented, nothing else");
        operations.Where(o => string.IsNullOrWhiteSpace(Text(o.Body, "operationId"))).Select(o => o.Key)
            .ShouldBeEmpty("operations without an operationId");
        operations.Where(o => string.IsNullOrWhiteSpace(Text(o.Body, "summary"))).Select(o => o.Key)
            .ShouldBeEmpty("operations without a summary");
        operations.GroupBy(o => Text(o.Body, "operationId")).Where(g => g.Count() > 1).Select(g => g.Key)
            .ShouldBeEmpty("operationIds used twice");
    }

    [Theory, OnSqlite]
    public async Task Exactly_the_operations_that_require_authorization_name_the_bearer_token_and_the_cookie(
        Provider provider)
    {
        var app = await apps.For(provider);
        var (document, operations) = await DocumentAsync(app);
        var routes = ApiRoutes(app);
        var schemes = document.GetProperty("components").GetProperty("securitySchemes");
        schemes.GetProperty("bearer").GetProperty("scheme").GetString().ShouldBe("bearer");
        schemes.GetProperty("cookie").GetProperty("in").GetString().ShouldBe("cookie");
        schemes.GetProperty("cookie").GetProperty("name").GetString().ShouldBe("qonys.auth");
        routes.Values.ShouldContain(true);
        routes.Values.ShouldContain(false);

        var wrong = new List<string>();
        foreach (var operation in operations)
        {
            var named = operation.Body.TryGetProperty("security", out var security)
                ? security.EnumerateArray().SelectMany(r => r.EnumerateObject().Select(s => s.Name)).Order().ToList()
                : [];
            var expected = routes[operation.Key] ? new List<string> { "bearer", "cookie" } : [];
            if (!named.SequenceEqual(expected)) wrong.Add($"{operation.Key}: [{string.Join(", ", named)}]");
        }
        wrong.ShouldBeEmpty();
    }

    [Theory, OnSqlite]
    public async Task Every_operation_documents_its_4xx_answers(Provider provider)
    {
        var app = await apps.For(provider);
        var (_, operations) = await DocumentAsync(app);
        var routes = ApiRoutes(app);

        static List<string> Statuses(Operation o) =>
            o.Body.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToList();
        operations.Where(o => !Statuses(o).Any(s => s.StartsWith('4'))).Select(o => o.Key).Order(StringComparer.Ordinal)
            .ToArray().ShouldBe(NothingToRefuse, "operations with no 4xx answer");
        operations.Where(o => routes[o.Key] && !(Statuses(o).Contains("401") && Statuses(o).Contains("403")))
            .Select(o => o.Key)
            .ShouldBeEmpty("protected operations without 401 and 403");
        operations.Where(o => o.Body.TryGetProperty("requestBody", out _) && !Statuses(o).Contains("400"))
            .Select(o => o.Key)
            .ShouldBeEmpty("operations with a body but no 400");
        foreach (var problem in operations.SelectMany(o => o.Body.GetProperty("responses").EnumerateObject()
                     .Where(r => r.Name.StartsWith('4')).Select(r => (o.Key, Response: r))))
            problem.Response.Value.GetProperty("content").TryGetProperty("application/problem+json", out _)
                .ShouldBeTrue($"{problem.Key} {problem.Response.Name} is a problem-details answer");
    }

    [Theory, OnSqlite]
    public async Task The_refusals_a_use_case_can_answer_are_listed_with_their_statuses(Provider provider)
    {
        var app = await apps.For(provider);
        var (_, operations) = await DocumentAsync(app);
        string[] Statuses(string key) => operations.Single(o => o.Key == key).Body.GetProperty("responses")
            .EnumerateObject().Select(r => r.Name).Order(StringComparer.Ordinal).ToArray();

        Statuses("POST /api/v1/permit-applications").ShouldBe(["201", "400", "401", "403", "409", "422"]);
        Statuses("POST /api/v1/permit-applications/{id}/approve").ShouldBe(["200", "401", "403", "404", "409"]);
        Statuses("GET /api/v1/public/permits/{number}/verify").ShouldBe(["200", "404"]);
        Statuses("POST /api/v1/demography/projections").ShouldBe(["201", "202", "400", "401", "403", "409", "422"]);
        Statuses("POST /api/v1/auth/token").ShouldBe(["200", "400", "401", "429"]);
    }

    static string? Text(JsonElement operation, string name) =>
        operation.TryGetProperty(name, out var value) ? value.GetString() : null;

    /// <summary>A route parameter as the document writes it, with no constraint: {id:guid} → {id}.</summary>
    [GeneratedRegex(@"\{\*?(?<name>[^}:=?]+)[^}]*\}")]
    private static partial Regex Constraint();
}
