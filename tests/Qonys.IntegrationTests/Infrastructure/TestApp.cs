using Qonys.Web.Platform.Auth;
using System.Text.Json;
using Qonys.Web.Host;
using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Configuration;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Qonys.Web.Platform.Data;
using Qonys.Web.Platform.Demo;
using Qonys.Web.Platform.Hosting;

namespace Qonys.IntegrationTests.Infrastructure;

/// <summary>
/// The real app on a real loopback port (Kestrel), on a fresh SQLite file or a fresh PostgreSQL database,
/// prepared as in demo mode (migrations, reference data, demo data, demo accounts). Tests talk to it over HTTP.
/// </summary>
public sealed class TestApp : IAsyncDisposable
{
    readonly WebApplication _app;
    readonly ConcurrentDictionary<string, string> _tokens = new();
    public Uri BaseAddress { get; }
    public Provider Provider { get; }
    public string DataFolder { get; }
    public string ConnectionString { get; }
    public IServiceProvider Services => _app.Services;

    /// <summary>The app's clock, from which tests read "today" (the same for every app of the test process).</summary>
    public TestClock Clock => TestClock.Shared;

    TestApp(WebApplication app, Uri baseAddress, Provider provider, string dataFolder, string connectionString)
    {
        _app = app;
        BaseAddress = baseAddress;
        Provider = provider;
        DataFolder = dataFolder;
        ConnectionString = connectionString;
    }

    /// <summary>
    /// Starts an app. <paramref name="settings"/> override configuration keys (e.g. "Qonys:Auth:TokenRequestsPerMinute");
    /// <paramref name="logs"/>, when given, receives every log message the app writes from its preparation on;
    /// <paramref name="endpoints"/> maps a test's own endpoints beside the app's (e.g. one that requires a scope) and may set
    /// up the built app's services before it prepares; <paramref name="services"/> changes the service collection last.
    /// </summary>
    public static async Task<TestApp> StartAsync(Provider provider, IDictionary<string, string?>? settings = null, string? connectionString = null,
        ILoggerProvider? logs = null, Action<WebApplication>? endpoints = null, Action<IServiceCollection>? services = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "qonys-test-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(folder);
        connectionString ??= provider == Provider.Postgres
            ? await (await PostgresServer.SharedAsync()).CreateDatabaseAsync()
            : $"Data Source={Path.Combine(folder, "qonys.db")};Default Timeout=30;Pooling=true";
        var config = new Dictionary<string, string?>
        {
            ["Qonys:Mode"] = "demo",
            ["Qonys:Database:Provider"] = provider == Provider.Postgres ? "postgresql" : "sqlite",
            ["Qonys:Database:ConnectionString"] = connectionString,
            ["Qonys:Database:DataFolder"] = folder,
            ["Qonys:Jobs:NotificationIntervalMilliseconds"] = "100",
            ["Qonys:Auth:TokenRequestsPerMinute"] = "100000",
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>()) config[k] = v;
        var app = QonysApp.Build(["--urls", "http://127.0.0.1:0"], b =>
        {
            b.Configuration.AddInMemoryCollection(config);
            // Applied to the finished service collection, after the app's own registration of the system clock.
            b.Host.ConfigureContainer<IServiceCollection>((_, collection) =>
            {
                collection.Replace(ServiceDescriptor.Singleton<TimeProvider>(TestClock.Shared));
                services?.Invoke(collection);
            });
        });
        if (app.Services.GetRequiredService<TimeProvider>() != TestClock.Shared)
            throw new InvalidOperationException("The app does not use the tests' clock: test and server would disagree about today.");
        // Added to the built factory: the app clears the builder's logging providers after the configure hook runs.
        if (logs is not null) app.Services.GetRequiredService<ILoggerFactory>().AddProvider(logs);
        endpoints?.Invoke(app);
        await QonysApp.PrepareAsync(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new TestApp(app, new Uri(address), provider, folder, connectionString);
    }

    public HttpClient Anonymous() => new() { BaseAddress = BaseAddress };

    public async Task<HttpClient> As(string email)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(email));
        return client;
    }

    public async Task<string> TokenAsync(string email, string password = DemoAccounts.Password)
    {
        if (_tokens.TryGetValue(email, out var cached)) return cached;
        using var client = Anonymous();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<TokenBody>();
        return _tokens[email] = body!.AccessToken;
    }

    sealed record TokenBody(string AccessToken, int ExpiresIn);

    /// <summary>The demo integration client, signed in with OAuth client credentials for every event scope.</summary>
    public async Task<HttpClient> AsIntegrationClient()
    {
        const string key = "oauth:" + IntegrationClients.DemoClientId;
        if (!_tokens.TryGetValue(key, out var token))
        {
            using var anonymous = Anonymous();
            var response = await anonymous.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials", ["client_id"] = IntegrationClients.DemoClientId,
                ["client_secret"] = IntegrationClients.DemoClientSecret, ["scope"] = string.Join(' ', IntegrationScopes.All),
            }));
            response.EnsureSuccessStatusCode();
            token = _tokens[key] = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
        }
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A fresh unit of work on the app's database, for arranging and checking what HTTP cannot show.</summary>
    internal async Task<T> WithDbAsync<T>(Func<AppDb, Task<T>> action)
    {
        using var scope = _app.Services.CreateScope();
        return await action(scope.ServiceProvider.GetRequiredService<AppDb>());
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        try { Directory.Delete(DataFolder, recursive: true); }
        catch (IOException) { }
    }
}

/// <summary>
/// One running app per provider, shared by the tests of the "apps" collection. Before handing an app to a test it checks
/// that no earlier test changed the state the tests share (<see cref="SharedState"/>).
/// </summary>
public sealed class Apps : IAsyncLifetime
{
    readonly SemaphoreSlim _gate = new(1, 1);
    readonly Dictionary<Provider, (TestApp App, SharedState State)> _apps = [];

    public async Task<TestApp> For(Provider provider)
    {
        await _gate.WaitAsync();
        try
        {
            if (_apps.TryGetValue(provider, out var shared))
            {
                await shared.State.VerifyUnchangedAsync();
                return shared.App;
            }
            var app = await TestApp.StartAsync(provider);
            _apps[provider] = (app, await SharedState.TakeAsync(app));
            return app;
        }
        finally
        {
            _gate.Release();
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var (app, _) in _apps.Values) await app.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class AppsCollection : ICollectionFixture<Apps>
{
    public const string Name = "apps";
}
