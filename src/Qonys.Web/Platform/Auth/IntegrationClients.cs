using System.Security.Cryptography;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Qonys.Web.Platform.Auth;

/// <summary>
/// The integration clients (another state system each): registered with the scopes they may ask for and a secret
/// (stored hashed), whose secret an operator rotates (the <c>create-client</c> and <c>rotate-client-secret</c> commands).
/// In demo mode one demo client holds every scope.
/// </summary>
internal sealed class IntegrationClients(IOpenIddictApplicationManager applications, AuditLog audit)
{
    public const string DemoClientId = "demo-integration";
    public const string DemoClientSecret = "Qonys-Demo-Client-2026!";

    public sealed record Created(string ClientId, string Secret);

    /// <summary>Registers a client; null when the client id is taken or a scope is unknown.</summary>
    public async Task<Created?> CreateAsync(string clientId, string displayName, IReadOnlyCollection<string> scopes, CancellationToken ct,
        string? secret = null)
    {
        if (scopes.Any(s => !IntegrationScopes.All.Contains(s))) return null;
        if (await applications.FindByClientIdAsync(clientId, ct) is not null) return null;
        secret ??= NewSecret();
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId, ClientSecret = secret, DisplayName = displayName, ClientType = ClientTypes.Confidential,
        };
        descriptor.Permissions.Add(OpenIddictConstants.Permissions.Endpoints.Token);
        descriptor.Permissions.Add(OpenIddictConstants.Permissions.GrantTypes.ClientCredentials);
        foreach (var scope in scopes) descriptor.Permissions.Add(OpenIddictConstants.Permissions.Prefixes.Scope + scope);
        var application = await applications.CreateAsync(descriptor, ct);
        await audit.RecordNowAsync(Actor.System, PlatformAuditEvents.ClientCreated, "oauth_client",
            await applications.GetIdAsync(application, ct), new { clientId, scopes }, ct);
        return new Created(clientId, secret);
    }

    /// <summary>A new secret for the client (the old one stops working at once; tokens issued stay valid until they expire); null for an unknown client.</summary>
    public async Task<string?> RotateSecretAsync(string clientId, CancellationToken ct)
    {
        var application = await applications.FindByClientIdAsync(clientId, ct);
        if (application is null) return null;
        var secret = NewSecret();
        await applications.UpdateAsync(application, secret, ct);
        await audit.RecordNowAsync(Actor.System, PlatformAuditEvents.ClientSecretRotated, "oauth_client",
            await applications.GetIdAsync(application, ct), new { clientId }, ct);
        return secret;
    }

    public async Task EnsureDemoClientAsync(CancellationToken ct)
    {
        if (await applications.FindByClientIdAsync(DemoClientId, ct) is not null) return;
        await CreateAsync(DemoClientId, "Demo integration client", IntegrationScopes.All, ct, DemoClientSecret);
    }

    static string NewSecret() => Base64UrlEncoder(RandomNumberGenerator.GetBytes(32));

    static string Base64UrlEncoder(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
