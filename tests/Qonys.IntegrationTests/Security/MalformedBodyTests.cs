using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using FsCheck;
using Qonys.Web.Platform.Demo;

namespace Qonys.IntegrationTests.Security;

/// <summary>
/// Issue 11, point 9 and its acceptance: generated malformed bodies (<see cref="MalformedBodies"/>) sent to every POST
/// and PUT route of the OpenAPI document, as an account allowed to call it, with path parameters taken from the
/// app's own records where it has them, never get a 5xx. The routes come from the document, so a new route is swept
/// without an edit here.
/// </summary>
public sealed class MalformedBodyTests(Xunit.Abstractions.ITestOutputHelper output)
{
    const int BodiesPerRoute = 25;

    sealed record Operation(string Method, string Template, JsonNode? Schema)
    {
        public override string ToString() => Method + " " + Template;
    }

    static List<Operation> Operations(JsonObject document)
    {
        var operations = new List<Operation>();
        foreach (var (template, item) in document["paths"]!.AsObject())
            foreach (var method in new[] { "post", "put" })
                if (item![method] is JsonObject operation)
                    operations.Add(new Operation(method.ToUpperInvariant(), template,
                        operation["requestBody"]?["content"]?["application/json"]?["schema"]));
        return operations;
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Generated_malformed_bodies_on_every_post_and_put_route_never_get_a_5xx(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var anonymous = app.Anonymous();
        var document = (await anonymous.GetFromJsonAsync<JsonObject>("/openapi/v1.json"))!;
        var operations = Operations(document);
        operations.Count.ShouldBeGreaterThan(20);
        operations.ShouldContain(o => o.ToString() == "PUT /api/v1/scorecards/{key}/drafts/{version}");
        var clients = new List<HttpClient> { anonymous };
        foreach (var account in DemoAccounts.All) clients.Add(await app.As(account.Email));
        using (var admin = await app.As(Demo.Admin)) // a draft to edit, so the draft routes reach their use case
            (await admin.PostAsJsonAsync("/api/v1/scorecards/skilled-migrant-pool/drafts", new { copyOfPublished = true })).EnsureSuccessStatusCode();

        var examples = await ExamplesAsync(clients[1 + DemoAccounts.All.ToList().FindIndex(a => a.Email == Demo.Admin)]);
        var failures = new List<string>();
        var unreachable = new List<string>();
        foreach (var operation in operations)
        {
            var (client, path) = await CallerAsync(clients, operation);
            if (client is null)
            {
                unreachable.Add(operation.ToString());
                continue;
            }
            var statuses = new System.Collections.Concurrent.ConcurrentBag<int>();
            try
            {
                Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue - 1)), seed =>
                {
                    var body = MalformedBodies.Create(document, operation.Schema, examples.GetValueOrDefault(operation.ToString()), seed);
                    var response = SendAsync(client, operation.Method, path, body).GetAwaiter().GetResult();
                    statuses.Add((int)response.StatusCode);
                    ((int)response.StatusCode).ShouldBeLessThan(500,
                        $"{operation.Method} {path} with {body?[..Math.Min(body.Length, 500)]}: {response.Content.ReadAsStringAsync().GetAwaiter().GetResult()}");
                }).Check(Sweep());
            }
            catch (Exception e)
            {
                failures.Add(operation + ": " + e.Message);
            }
            output.WriteLine($"{operation.Method} {path}: " + string.Join(", ", statuses.GroupBy(s => s).OrderBy(g => g.Key).Select(g => $"{g.Key}×{g.Count()}")));
        }
        foreach (var c in clients) c.Dispose();

        failures.ShouldBeEmpty();
        // Every route is reachable by some demo account (else the sweep would test only the refusal).
        unreachable.ShouldBeEmpty();
    }

    /// <summary>
    /// Valid bodies to break, for routes whose schema says little (a scorecard is free-form JSON) or whose valid bodies
    /// a schema cannot produce: a broken field then reaches the use case instead of failing the first check. Routes
    /// not listed start from their schema.
    /// </summary>
    static async Task<Dictionary<string, JsonNode>> ExamplesAsync(HttpClient admin)
    {
        var card = (await admin.GetFromJsonAsync<JsonObject>("/api/v1/scorecards/skilled-migrant-pool/versions/1"))!["definition"]!;
        card["version"] = 2;
        return new Dictionary<string, JsonNode>
        {
            ["PUT /api/v1/scorecards/{key}/drafts/{version}"] = card,
            ["POST /api/v1/scorecards/{key}/drafts"] = new JsonObject { ["scorecard"] = card.DeepClone() },
            ["POST /api/v1/scorecards/{key}/drafts/{version}/what-if"] = new JsonObject { ["invitations"] = 10, ["occupationCodes"] = new JsonArray("2512") },
            ["POST /api/v1/employers"] = JsonSerializer.SerializeToNode(Qonys.IntegrationTests.Platform.PlatformTestKit.NewEmployer(Demo.NewBin()))!,
        };
    }

    static Configuration Sweep()
    {
        var configuration = Configuration.QuickThrowOnFailure;
        configuration.MaxNbOfTest = BodiesPerRoute;
        configuration.QuietOnSuccess = true;
        return configuration;
    }

    static async Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string path, string? body)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        return await client.SendAsync(request);
    }

    /// <summary>The first client (anonymous, then each demo account) that the route does not refuse, and the path with its parameters filled.</summary>
    static async Task<(HttpClient? Client, string Path)> CallerAsync(List<HttpClient> clients, Operation operation)
    {
        foreach (var client in clients)
        {
            var path = await FillAsync(client, operation.Template);
            var response = await SendAsync(client, operation.Method, path, "{}");
            if (response.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)) return (client, path);
        }
        return (null, operation.Template);
    }

    /// <summary>
    /// Fills "{name}" segments: a scorecard's key and version with the pool's draft made above; others from the first
    /// record the collection before the first parameter lists (its "id", "number", "year", … members), else a
    /// plausible value (a year, a region, a GUID).
    /// </summary>
    static async Task<string> FillAsync(HttpClient client, string template)
    {
        var first = template.IndexOf('{');
        if (first < 0) return template;
        JsonNode? record = null;
        var list = await client.GetAsync(template[..first].TrimEnd('/') + "?pageSize=5");
        if (list.IsSuccessStatusCode && list.Content.Headers.ContentType?.MediaType == "application/json")
        {
            var json = JsonNode.Parse(await list.Content.ReadAsStringAsync());
            record = (json as JsonArray ?? json?["items"] as JsonArray)?.FirstOrDefault();
        }
        var filled = System.Text.RegularExpressions.Regex.Replace(template, "\\{([^}:]+)[^}]*\\}", m =>
        {
            var name = m.Groups[1].Value;
            if (name == "key") return "skilled-migrant-pool"; // the scorecard with the draft made above
            if (name == "version") return "2";
            if (record?[name] is JsonValue value) return Uri.EscapeDataString(value.ToString());
            return name switch
            {
                "year" => "2026",
                "regionCode" => "KZ-35",
                "category" => "1",
                "number" => "KZ-0000000",
                _ => Guid.NewGuid().ToString(),
            };
        });
        return filled;
    }
}
