using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Qonys.Web.Platform.Demo;
using static Qonys.IntegrationTests.Platform.PlatformTestKit;

namespace Qonys.IntegrationTests.Platform;

/// <summary>Personal identifiers (BIN, IIN, e-mail) never appear in application logs.</summary>
public sealed class PrivacyTests
{
    /// <summary>Keeps every message, with its exception and the values of its structured state.</summary>
    sealed class CapturedLogs : ILoggerProvider
    {
        public ConcurrentQueue<string> Lines { get; } = new();
        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, Lines);
        public void Dispose() { }

        sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
                lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} | {values} | {exception}");
            }
        }
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Registrations_failed_logins_and_errors_log_no_identifiers(Provider provider)
    {
        var logs = new CapturedLogs();
        await using var app = await TestApp.StartAsync(provider, logs: logs);
        using var admin = await app.As(Demo.Admin);
        var bin = Demo.NewBin();
        var wrongBin = bin[..11] + (char)('0' + (bin[11] - '0' + 1) % 10);
        var (_, email, _) = await app.CreateUserAsync();
        const string iin = "881231500421"; // a valid IIN (see IdentificationNumberTests)

        (await admin.PostAsJsonAsync("/api/v1/employers", NewEmployer(bin))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await admin.PostAsJsonAsync("/api/v1/employers", NewEmployer(bin))).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await admin.PostAsJsonAsync("/api/v1/employers", NewEmployer(wrongBin))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await admin.PostAsJsonAsync("/api/v1/employers", NewEmployer(iin))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await admin.GetAsync($"/api/v1/employers/{bin}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        using (var astana = await app.As(Demo.OfficerAstana))
            (await astana.GetAsync($"/api/v1/employers/{bin}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        for (var i = 0; i < 6; i++) // wrong passwords up to and past the lock-out
            (await app.RequestTokenAsync(email, "wrong-password")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await app.RequestTokenAsync("unknown." + email, DemoAccounts.Password)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        // A server error on a URL that carries a BIN.
        await app.SqlAsync("ALTER TABLE registry_employers RENAME TO registry_employers_away");
        (await admin.GetAsync($"/api/v1/employers/{bin}")).StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        await app.SqlAsync("ALTER TABLE registry_employers_away RENAME TO registry_employers");

        logs.Lines.ShouldNotBeEmpty();
        foreach (var secret in new[] { bin, wrongBin, iin, email, Demo.Admin })
            logs.Lines.Where(l => l.Contains(secret, StringComparison.OrdinalIgnoreCase)).ShouldBeEmpty($"log lines with {secret}");
    }
}
