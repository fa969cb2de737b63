using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Trace;
using Qonys.Web.Platform.Hosting;

namespace Qonys.IntegrationTests.Platform;

/// <summary>
/// Traces (collected with the in-memory exporter) and the JSON log (captured from the app's console sink) of real requests
/// that carry an IIN, a BIN, a passport number, an e-mail address and a name in their paths, queries and bodies: the
/// requests are traced and logged with their trace id, and none of the identifiers appears.
/// </summary>
public sealed class TelemetryTests
{
    const string Iin = "900215400377";
    const string Passport = "N12786543";
    const string Email = "aigerim.nurlanovna@example.kz";
    const string FirstName = "Aigerim";
    const string LastName = "Nurlanovna";

    /// <summary>A failing endpoint of the test's own that logs identifiers and throws with them in the message.</summary>
    static void MapFailingEndpoint(WebApplication app) =>
        app.MapGet("/api/test/people/{iin}", (string iin, string? passport, ILogger<TelemetryTests> log) =>
        {
            log.LogWarning("Looking up person {Iin} with passport {Passport}, contact {Email}", iin, passport, Email);
            throw new InvalidOperationException($"person {iin} (passport {passport}, {Email}) is not in the register");
        }).AllowAnonymous();

    [Theory, OnSqlite, OnPostgres]
    public async Task Requests_are_traced_and_logged_with_their_trace_id_and_no_personal_identifier(Provider provider)
    {
        var exported = new ExportedSpans();
        var log = new CapturedLog();
        await using var app = await TestApp.StartAsync(provider, new Dictionary<string, string?> { ["Qonys:Telemetry:JsonLogs"] = "true" },
            endpoints: built =>
            {
                built.Services.GetRequiredService<LogOutput>().Writer = log;
                MapFailingEndpoint(built);
            },
            services: s => s.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(exported)));
        var bin = Demo.NewBin();

        using var officer = await app.As(Demo.OfficerKaraganda);
        (await officer.PostAsJsonAsync("/api/v1/employers", new
        {
            bin, name = $"IP {FirstName} {LastName}", regionCode = "KZ-35", okedSection = "F",
            staff = new { citizens = new Dictionary<string, int> { ["1"] = 2, ["2"] = 5, ["3"] = 40, ["4"] = 100 },
                          foreigners = new Dictionary<string, int> { ["1"] = 0, ["2"] = 1, ["3"] = 2, ["4"] = 3 } },
            isSmallBusiness = false, isBranchOffice = false,
        })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await officer.GetAsync($"/api/v1/employers/{bin}?contact={Uri.EscapeDataString(Email)}&owner={FirstName}+{LastName}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await officer.GetAsync($"/api/v1/no-such-route/{LastName}/{Iin}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.RequestTokenAsync(Email, "wrong-password-1!")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var failed = await app.Anonymous().GetAsync($"/api/test/people/{Iin}?passport={Passport}");
        failed.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);

        await Task.Delay(500); // the last spans end as their responses finish
        var spans = exported.Snapshot();
        var logText = log.Text();
        var requests = spans.Where(s => s.Kind == ActivityKind.Server).ToList();
        requests.Select(s => s.GetTagItem("http.route") as string).ShouldContain("/api/v1/employers/{bin}");
        requests.Select(s => s.GetTagItem("http.route") as string).ShouldContain("/api/test/people/{iin}");
        var failedSpan = requests.Single(s => s.GetTagItem("http.route") as string == "/api/test/people/{iin}");
        var lines = logText.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        // The warning and the unhandled exception are logged as JSON under the failing request's trace id.
        var traced = lines.Where(l => l.TryGetProperty("traceId", out var t) && t.GetString() == failedSpan.TraceId.ToString()).ToList();
        traced.ShouldContain(l => l.GetProperty("level").GetString() == "Warning" && l.GetProperty("message").GetString()!.Contains("[id]"));
        traced.Any(l => l.GetProperty("level").GetString() == "Error" && l.TryGetProperty("exception", out _)).ShouldBeTrue("the unhandled exception is logged");

        var traceText = string.Join("\n", spans.SelectMany(s => s.TagObjects.Select(t => t.Key + "=" + t.Value).Prepend(s.DisplayName)));
        foreach (var identifier in new[] { Iin, bin, Passport, Email, Uri.EscapeDataString(Email), FirstName, LastName })
        {
            logText.ShouldNotContain(identifier, Case.Insensitive);
            traceText.ShouldNotContain(identifier, Case.Insensitive);
        }
    }

    /// <summary>The spans the exporter hands over, from any thread (every activity source of the test process is listened to).</summary>
    sealed class ExportedSpans : System.Collections.ObjectModel.Collection<Activity>
    {
        readonly Lock _gate = new();

        protected override void InsertItem(int index, Activity item)
        {
            lock (_gate) base.InsertItem(index, item);
        }

        public List<Activity> Snapshot()
        {
            lock (_gate) return [.. Items];
        }
    }

    /// <summary>The app's log lines, written from any thread (the sink writes whole lines).</summary>
    sealed class CapturedLog : StringWriter
    {
        readonly Lock _gate = new();

        public override void WriteLine(string? value)
        {
            lock (_gate) base.WriteLine(value);
        }

        public string Text()
        {
            lock (_gate) return ToString();
        }
    }

    [Theory]
    [InlineData("person 900215400377 not found", "person [id] not found")]
    [InlineData("passport N12786543, AB1234567.", "passport [passport], [passport].")]
    [InlineData("mail a.b-c@example.kz now", "mail [email] now")]
    [InlineData("GET /api/v1/employers?bin=990340001230&name=x", "GET /api/v1/employers?[query]")]
    [InlineData("trace 4bf92f3577b34da6a3ce929d0e0e4736, request 1234567890123, id 0196f3c2-7a4e-7d55-9c1b-5e8f2a6d1b3c", "trace 4bf92f3577b34da6a3ce929d0e0e4736, request 1234567890123, id 0196f3c2-7a4e-7d55-9c1b-5e8f2a6d1b3c")]
    public void Redaction_takes_out_identifiers_and_keeps_the_rest(string text, string expected) =>
        PersonalDataRedaction.Redact(text).ShouldBe(expected);
}
