using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Validation;
using OpenIddict.Validation.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Qonys.Web.Platform.Auth;

/// <summary>
/// Machine identity: integration clients take an access token with the OAuth 2.0 client-credentials grant at
/// <c>POST /connect/token</c> (OpenIddict), asking for scopes of <see cref="IntegrationScopes"/>, and send it as a bearer
/// token. The token is a signed and encrypted JWT from <see cref="OAuthKeyRing"/>; <see cref="AuthSetup.Scheme"/> hands
/// such tokens (they have dots, people's opaque bearer tokens have none) to the OpenIddict validation.
/// </summary>
internal static class OAuthSetup
{
    public const string TokenPath = "/connect/token";
    public const string ValidationScheme = OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme;

    public static void AddQonysOAuth(this IServiceCollection services, QonysOptions options)
    {
        var settings = options.Auth.Clients;
        services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<AppDb>())
            .AddServer(o =>
            {
                o.SetTokenEndpointUris(TokenPath.TrimStart('/'));
                o.AllowClientCredentialsFlow();
                o.RegisterScopes([.. IntegrationScopes.All]);
                o.SetAccessTokenLifetime(TimeSpan.FromSeconds(settings.AccessTokenLifetimeSeconds));
                if (settings.Issuer is { Length: > 0 } issuer) o.SetIssuer(new Uri(issuer, UriKind.Absolute));
                // Client-credentials tokens are short-lived and self-contained: no row per token or authorization.
                o.DisableTokenStorage();
                o.DisableAuthorizationStorage();
                o.AddEventHandler<HandleTokenRequestContext>(b => b.UseScopedHandler<ClientCredentialsGrant>());
                var aspNetCore = o.UseAspNetCore();
                if (!(settings.RequireHttps ?? !options.IsDemo)) aspNetCore.DisableTransportSecurityRequirement();
            })
            .AddValidation(o =>
            {
                o.UseLocalServer();
                o.UseAspNetCore();
            });

        services.AddSingleton<OAuthKeyRing>();
        services.AddHostedService<OAuthKeyRefresh>();
        services.AddSingleton<IConfigureOptions<OpenIddictServerOptions>, KeySetOptions>();
        services.AddSingleton<IOptionsChangeTokenSource<OpenIddictServerOptions>>(sp =>
            new KeySetChanges<OpenIddictServerOptions>(() => sp.GetRequiredService<OAuthKeyRing>().ServerChangeToken));
        services.AddSingleton<IOptionsChangeTokenSource<OpenIddictValidationOptions>>(sp =>
            new KeySetChanges<OpenIddictValidationOptions>(() => sp.GetRequiredService<OAuthKeyRing>().ValidationChangeToken));
        services.AddScoped<IntegrationClients>();

        services.AddAuthorization(o =>
        {
            foreach (var scope in IntegrationScopes.All)
                o.AddPolicy(IntegrationScopes.PolicyFor(scope), p => p.AddAuthenticationSchemes(AuthSetup.Scheme)
                    .RequireAuthenticatedUser()
                    .RequireAssertion(ctx => ctx.User.HasScope(scope)));
        });
    }

    /// <summary>An access token of an integration client: a JWT (JWE), so it has dots; people's bearer tokens have none.</summary>
    public static bool IsClientToken(string authorization) =>
        authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && authorization.AsSpan(7).Contains('.');

    /// <summary>The key set's keys as the server's signing and encryption credentials, read again when the set changes.</summary>
    sealed class KeySetOptions(OAuthKeyRing ring) : IConfigureOptions<OpenIddictServerOptions>
    {
        public void Configure(OpenIddictServerOptions options)
        {
            // OpenIddict prefers, of X.509 keys already valid, the one valid longest: the newest active key signs.
            foreach (var loaded in ring.Load())
            {
                var key = new X509SecurityKey(loaded.Certificate, loaded.Key.Id);
                if (loaded.Key.Use == OAuthKey.Signing)
                    options.SigningCredentials.Add(new SigningCredentials(key, SecurityAlgorithms.RsaSha256));
                else
                    options.EncryptionCredentials.Add(new EncryptingCredentials(key, SecurityAlgorithms.RsaOAEP, SecurityAlgorithms.Aes256CbcHmacSha512));
            }
        }
    }

    sealed class KeySetChanges<TOptions>(Func<Microsoft.Extensions.Primitives.IChangeToken> token) : IOptionsChangeTokenSource<TOptions>
    {
        public string Name => Options.DefaultName;
        public Microsoft.Extensions.Primitives.IChangeToken GetChangeToken() => token();
    }
}

/// <summary>
/// The client-credentials grant: OpenIddict has checked the client's secret, its permission for the grant and for each
/// scope asked for; the token names the client (subject: its id; name: its client id), the integration-client role and
/// the scopes granted.
/// </summary>
sealed class ClientCredentialsGrant(IOpenIddictApplicationManager applications) : IOpenIddictServerHandler<HandleTokenRequestContext>
{
    public async ValueTask HandleAsync(HandleTokenRequestContext context)
    {
        if (!context.Request.IsClientCredentialsGrantType()) return;
        var application = await applications.FindByClientIdAsync(context.Request.ClientId!, context.CancellationToken)
                          ?? throw new InvalidOperationException("the client was authenticated, so it exists");
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, await applications.GetIdAsync(application, context.CancellationToken));
        identity.SetClaim(Claims.Name, await applications.GetClientIdAsync(application, context.CancellationToken));
        identity.SetClaim(Actor.RoleClaim, Roles.IntegrationClient);
        identity.SetScopes(context.Request.GetScopes());
        identity.SetDestinations(_ => [Destinations.AccessToken]);
        context.SignIn(new ClaimsPrincipal(identity));
    }
}
