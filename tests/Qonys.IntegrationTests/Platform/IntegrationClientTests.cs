using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Qonys.Web.Platform.Auth;
using static Qonys.IntegrationTests.Platform.PlatformTestKit;

namespace Qonys.IntegrationTests.Platform;

/// <summary>
/// Machine identity over real HTTP: integration clients take tokens with the OAuth 2.0 client-credentials grant at
/// <c>POST /connect/token</c>, for the scopes they were registered with, and a scope's policy admits only tokens carrying it.
/// </summary>
public sealed class IntegrationClientTests
{
    const string PaymentsPath = "/api/test/payments";
    static readonly string Payments = IntegrationScopes.ForEventType("payment_received");
    static readonly string Crossings = IntegrationScopes.ForEventType("border_crossing");

    /// <summary>An endpoint of the test's own that requires the payment scope, as the inbound events endpoint will.</summary>
    static void MapPaymentsEndpoint(WebApplication app) =>
        app.MapGet(PaymentsPath, (Actor actor) => TypedResults.Ok(new { client = actor.Email, role = actor.Role, scopes = actor.Scopes, payments = actor.HasScope(Payments) }))
            .RequireAuthorization(IntegrationScopes.PolicyFor(Payments));

    static Task<TestApp> StartAsync(Provider provider, Dictionary<string, string?>? settings = null) =>
        TestApp.StartAsync(provider, settings, endpoints: MapPaymentsEndpoint);

    static async Task<(string ClientId, string Secret)> NewClientAsync(TestApp app, params string[] scopes)
    {
        using var scope = app.Services.CreateScope();
        var id = "test-" + Guid.NewGuid().ToString("N")[..8];
        var created = await scope.ServiceProvider.GetRequiredService<IntegrationClients>().CreateAsync(id, "Test client " + id, scopes, CancellationToken.None);
        created.ShouldNotBeNull();
        return (created.ClientId, created.Secret);
    }

    static async Task<HttpResponseMessage> RequestAsync(TestApp app, string clientId, string secret, string scope)
    {
        using var client = app.Anonymous();
        return await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret, ["scope"] = scope,
        }));
    }

    static async Task<string> TokenAsync(TestApp app, string clientId, string secret, string scope)
    {
        var response = await RequestAsync(app, clientId, secret, scope);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToString());
        body.GetProperty("token_type").GetString().ShouldBe("Bearer");
        return body.GetProperty("access_token").GetString()!;
    }

    static async Task<string> RefusalAsync(TestApp app, string clientId, string secret, string scope)
    {
        var response = await RequestAsync(app, clientId, secret, scope);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.IsSuccessStatusCode.ShouldBeFalse(body.ToString());
        body.TryGetProperty("access_token", out _).ShouldBeFalse();
        return body.GetProperty("error").GetString()!;
    }

    static async Task<HttpResponseMessage> GetWithAsync(TestApp app, string token, string path)
    {
        using var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return await client.GetAsync(path);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_client_gets_a_token_for_its_scopes_only_and_a_scope_admits_only_tokens_carrying_it(Provider provider)
    {
        await using var app = await StartAsync(provider);
        var (id, secret) = await NewClientAsync(app, Payments, Crossings);

        var token = await TokenAsync(app, id, secret, Payments);
        var response = await GetWithAsync(app, token, PaymentsPath);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToString());
        body.GetProperty("client").GetString().ShouldBe(id);
        body.GetProperty("role").GetString().ShouldBe(Roles.IntegrationClient);
        body.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()).ShouldBe([Payments]);
        body.GetProperty("payments").GetBoolean().ShouldBeTrue();

        // A wrong secret, an unknown client, a scope no event has, a scope the client was not registered for: no token.
        (await RefusalAsync(app, id, secret + "x", Payments)).ShouldBe("invalid_client");
        (await RefusalAsync(app, "no-such-client", secret, Payments)).ShouldBe("invalid_client");
        (await RefusalAsync(app, id, secret, "events:no_such_event")).ShouldBe("invalid_scope");
        (await RefusalAsync(app, id, secret, IntegrationScopes.ForEventType("tax_payment"))).ShouldNotBeNullOrEmpty();

        // A token of the same client without the scope, a person's token, a tampered token, no token.
        var crossingsOnly = await TokenAsync(app, id, secret, Crossings);
        (await GetWithAsync(app, crossingsOnly, PaymentsPath)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await GetWithAsync(app, await app.TokenAsync(Demo.Admin), PaymentsPath)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await GetWithAsync(app, token[..^4] + (token.EndsWith("AAAA") ? "BBBB" : "AAAA"), PaymentsPath)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await app.Anonymous().GetAsync(PaymentsPath)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        // A machine has none of the people's permissions.
        (await GetWithAsync(app, token, "/api/v1/notifications/unread-count")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        // People sign in as before, with bearer tokens beside the clients' tokens.
        using var analyst = await app.As(Demo.Analyst);
        (await analyst.GetAsync("/api/v1/notifications/unread-count")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory, OnSqlite]
    public async Task The_demo_client_holds_every_scope_and_the_password_account_is_gone(Provider provider)
    {
        await using var app = await StartAsync(provider);
        var token = await TokenAsync(app, IntegrationClients.DemoClientId, IntegrationClients.DemoClientSecret, string.Join(' ', IntegrationScopes.All));
        var body = await (await GetWithAsync(app, token, PaymentsPath)).Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()).OrderBy(s => s).ShouldBe(IntegrationScopes.All.Order());
        (await app.RequestTokenAsync("integration@demo.qonys.kz", Qonys.Web.Platform.Demo.DemoAccounts.Password)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory, OnSqlite]
    public async Task A_rotated_secret_replaces_the_old_one_and_tokens_issued_before_stay_valid(Provider provider)
    {
        await using var app = await StartAsync(provider);
        var (id, secret) = await NewClientAsync(app, Payments);
        var before = await TokenAsync(app, id, secret, Payments);

        string? rotated;
        using (var scope = app.Services.CreateScope())
            rotated = await scope.ServiceProvider.GetRequiredService<IntegrationClients>().RotateSecretAsync(id, CancellationToken.None);
        rotated.ShouldNotBeNull();
        rotated.ShouldNotBe(secret);

        (await RefusalAsync(app, id, secret, Payments)).ShouldBe("invalid_client");
        (await GetWithAsync(app, await TokenAsync(app, id, rotated, Payments), PaymentsPath)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await GetWithAsync(app, before, PaymentsPath)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task After_a_key_rotation_tokens_of_the_old_key_validate_until_they_expire_and_then_its_key_goes(Provider provider)
    {
        const int lifetimeSeconds = 4;
        await using var app = await StartAsync(provider, new()
        {
            ["Qonys:Auth:Clients:AccessTokenLifetimeSeconds"] = lifetimeSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Qonys:Auth:Clients:KeyActivationSeconds"] = "0",
        });
        var ring = app.Services.GetRequiredService<OAuthKeyRing>();
        var (id, secret) = await NewClientAsync(app, Payments);
        var old = await TokenAsync(app, id, secret, Payments);
        var firstKeys = await app.WithDbAsync(db => db.Set<OAuthKey>().Select(k => k.Id).ToListAsync());
        firstKeys.Count.ShouldBe(2); // one signing and one encryption key, made at the first token

        var rotation = await ring.RotateAsync(CancellationToken.None);
        rotation.Removed.ShouldBeEmpty(); // the old keys' tokens have not expired
        var fresh = await TokenAsync(app, id, secret, Payments);
        KeyIdOf(old).ShouldBeOneOf([.. firstKeys]);
        KeyIdOf(fresh).ShouldBeOneOf([.. rotation.Added]); // the new key encrypts (and signs) from now on
        (await GetWithAsync(app, old, PaymentsPath)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await GetWithAsync(app, fresh, PaymentsPath)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await Task.Delay(TimeSpan.FromSeconds(lifetimeSeconds + 1.5));
        (await GetWithAsync(app, old, PaymentsPath)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized); // expired

        // Every token of the first keys has expired: the next rotation removes them; the set keeps working.
        var second = await ring.RotateAsync(CancellationToken.None);
        second.Removed.Order().ShouldBe(firstKeys.Order());
        (await app.WithDbAsync(db => db.Set<OAuthKey>().CountAsync())).ShouldBe(4);
        var latest = await TokenAsync(app, id, secret, Payments);
        KeyIdOf(latest).ShouldBeOneOf([.. second.Added]);
        (await GetWithAsync(app, latest, PaymentsPath)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>The key id in the token's (JWE) header: the key that encrypted it, of the same generation as the one that signed it.</summary>
    static string KeyIdOf(string token)
    {
        var header = token.Split('.')[0].Replace('-', '+').Replace('_', '/');
        header = header.PadRight(header.Length + (4 - header.Length % 4) % 4, '=');
        return JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(header))).RootElement.GetProperty("kid").GetString()!;
    }
}
