using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Qonys.Web.Platform.Auth;

namespace Qonys.IntegrationTests.Platform;

/// <summary>
/// The "Who may call each route" table of docs/api.md: every operation of the OpenAPI document with the roles that may
/// call it. <see cref="FromCodeAsync"/> writes it from the running app (the operations of its OpenAPI document, each
/// with its endpoint's authorization: public, or the roles every required permission is granted to);
/// <see cref="FromDocs"/> reads what docs/api.md says. A test keeps the two equal, and the authorization sweep calls
/// every route of the document as every role and expects exactly what the page says.
/// </summary>
static partial class WhoMayCallIt
{
    public const string Begin = "<!-- who-may-call-it: begin (generated from the code by tests/Qonys.IntegrationTests/Platform/WhoMayCallIt.cs) -->";
    public const string End = "<!-- who-may-call-it: end -->";

    /// <summary>Every role may call it, signed in.</summary>
    public const string EveryAccount = "every account";
    /// <summary>Every role but the integration client (which has the integration API only, PRODUCT.md §1).</summary>
    public const string EveryPerson = "every person (not the integration client)";

    /// <summary>One operation: "METHOD /path/{name}" as the OpenAPI document names it, and who may call it (null: public).</summary>
    public sealed record Entry(string Route, IReadOnlySet<string>? Roles);

    public static string DocsFile
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (!File.Exists(Path.Combine(dir!.FullName, "Qonys.slnx"))) dir = dir.Parent;
            return Path.Combine(dir.FullName, "docs", "api.md");
        }
    }

    /// <summary>The operations of the app's OpenAPI document ("GET /api/v1/x/{id}"), in the document's order.</summary>
    public static async Task<List<string>> OperationsAsync(TestApp app)
    {
        using var client = app.Anonymous();
        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        return document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => op.Name.ToUpperInvariant() + " " + path.Name))
            .ToList();
    }

    /// <summary>The app's route endpoints by their OpenAPI name ("GET /api/v1/x/{id}" for "/api/v1/x/{id:guid}").</summary>
    public static Dictionary<string, RouteEndpoint> Endpoints(TestApp app) =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>() is not null)
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(method => (Key: method + " " + OpenApiPath(e), e)))
            .ToDictionary(x => x.Key, x => x.e);

    /// <summary>"/api/v1/x/{id:guid}" → "/api/v1/x/{id}".</summary>
    public static string OpenApiPath(RouteEndpoint e) => Constraint().Replace("/" + (e.RoutePattern.RawText ?? "").Trim('/'), "{${name}}");

    /// <summary>The table as the code has it: every operation of the document with its endpoint's authorization.</summary>
    public static async Task<List<Entry>> FromCodeAsync(TestApp app)
    {
        var endpoints = Endpoints(app);
        var grants = app.Services.GetRequiredService<PermissionGrants>();
        return (await OperationsAsync(app)).Select(route => new Entry(route, RolesOf(endpoints[route], grants))).ToList();
    }

    /// <summary>Null for a public endpoint, else the roles every authorization requirement of the endpoint lets in.</summary>
    static HashSet<string>? RolesOf(RouteEndpoint endpoint, PermissionGrants grants)
    {
        if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null) return null;
        var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).ToList();
        if (policies.Count == 0) throw new InvalidOperationException($"{endpoint.RoutePattern.RawText} neither is public nor requires authorization");
        return Roles.All.Where(role => policies.All(p => string.IsNullOrEmpty(p) || grants.Allows(role, p))).ToHashSet();
    }

    /// <summary>The table's Markdown between <see cref="Begin"/> and <see cref="End"/>.</summary>
    public static string Markdown(IEnumerable<Entry> entries)
    {
        var text = new StringBuilder();
        text.Append(Begin).Append('\n').Append("| route | who may call it |\n|---|---|\n");
        foreach (var e in entries.OrderBy(e => PathOf(e.Route), StringComparer.Ordinal).ThenBy(e => Method(e.Route), StringComparer.Ordinal))
            text.Append($"| `{e.Route}` | {Who(e.Roles)} |\n");
        return text.Append(End).ToString();
    }

    static string Who(IReadOnlySet<string>? roles) => roles switch
    {
        null => "public",
        _ when roles.SetEquals(Roles.All) => EveryAccount,
        _ when roles.SetEquals(Roles.All.Where(r => r != Roles.IntegrationClient)) => EveryPerson,
        _ when roles.Count == 0 => "nobody",
        _ => string.Join(", ", Roles.All.Where(roles.Contains)),
    };

    /// <summary>What docs/api.md says, row by row (the table's Markdown as it stands, and its entries).</summary>
    public static (string Markdown, List<Entry> Entries) FromDocs()
    {
        var text = File.ReadAllText(DocsFile).ReplaceLineEndings("\n");
        var begin = text.IndexOf(Begin, StringComparison.Ordinal);
        var end = text.IndexOf(End, StringComparison.Ordinal);
        if (begin < 0 || end < begin) return ("", []);
        var block = text[begin..(end + End.Length)];
        var entries = new List<Entry>();
        foreach (Match m in Row().Matches(block))
        {
            var who = m.Groups["who"].Value.Trim();
            entries.Add(new Entry(m.Groups["route"].Value, who switch
            {
                "public" => null,
                EveryAccount => Roles.All.ToHashSet(),
                EveryPerson => Roles.All.Where(r => r != Roles.IntegrationClient).ToHashSet(),
                "nobody" => new HashSet<string>(),
                _ => who.Split(',', StringSplitOptions.TrimEntries).ToHashSet(),
            }));
        }
        return (block, entries);
    }

    /// <summary>Replaces the table in docs/api.md (QONYS_WRITE_DOCS=1 runs of the test do, to update it after a change).</summary>
    public static void WriteDocs(string markdown)
    {
        var text = File.ReadAllText(DocsFile).ReplaceLineEndings("\n");
        var begin = text.IndexOf(Begin, StringComparison.Ordinal);
        var end = text.IndexOf(End, StringComparison.Ordinal);
        if (begin < 0 || end < begin) throw new InvalidOperationException($"docs/api.md has no {Begin} … {End} block to replace");
        File.WriteAllText(DocsFile, text[..begin] + markdown + text[(end + End.Length)..]);
    }

    static string Method(string route) => route[..route.IndexOf(' ', StringComparison.Ordinal)];
    static string PathOf(string route) => route[(route.IndexOf(' ', StringComparison.Ordinal) + 1)..];

    [GeneratedRegex(@"\{\*?(?<name>[^}:=?]+)[^}]*\}")]
    private static partial Regex Constraint();

    [GeneratedRegex(@"^\| `(?<route>[A-Z]+ [^`]+)` \| (?<who>[^|]+) \|$", RegexOptions.Multiline)]
    private static partial Regex Row();
}
