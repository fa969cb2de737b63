using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Qonys.Web.Platform.Auth;

internal static class AuthSetup
{
    public const string Scheme = "Qonys";
    public const string TokenRateLimit = "token";

    public static void AddQonysAuth(this IServiceCollection services, QonysOptions options)
    {
        services.AddIdentityCore<AppUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = true;
                // Lock-out is per (e-mail, source): SignInThrottling. Identity's lock (LockoutEnd) stays an administrator's tool.
                o.Lockout.AllowedForNewUsers = true;
            })
            .AddRoles<AppRole>()
            .AddEntityFrameworkStores<AppDb>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<QonysClaimsFactory>()
            .AddDefaultTokenProviders();

        services.AddDataProtection().SetApplicationName("qonys");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = new DatabaseKeyRepository(sp.GetRequiredService<IServiceScopeFactory>())));

        services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "Bearer token or cookie", o => o.ForwardDefaultSelector = http =>
                http.Request.Headers.Authorization.ToString() is var authorization && OAuthSetup.IsClientToken(authorization)
                    ? OAuthSetup.ValidationScheme
                    : authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                        ? IdentityConstants.BearerScheme
                        : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, o =>
            {
                o.BearerTokenExpiration = TimeSpan.FromMinutes(options.Auth.TokenLifetimeMinutes);
                o.Events.OnMessageReceived = SessionRevocation.ValidateBearerAsync;
            })
            .AddCookie(IdentityConstants.ApplicationScheme, o =>
            {
                o.LoginPath = "/login";
                o.LogoutPath = "/logout";
                o.AccessDeniedPath = "/forbidden";
                o.Cookie.Name = "qonys.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest; // Secure on HTTPS (behind a proxy: Qonys:Security:BehindProxy)
                o.SlidingExpiration = true;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.Events.OnValidatePrincipal = SessionRevocation.ValidateCookieAsync;
                o.Events.OnRedirectToLogin = ctx => ApiStatusOrRedirect(ctx, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = ctx => ApiStatusOrRedirect(ctx, StatusCodes.Status403Forbidden);
            });

        services.AddAuthorization();
        services.AddSingleton<IAuthorizationPolicyProvider, PermissionPolicyProvider>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, AuditingAuthorizationResultHandler>();

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (ctx, ct) =>
            {
                ctx.HttpContext.Response.Headers.RetryAfter = "60";
                await ResultMapping.Problem(429, "Too many requests", "Too many sign-in attempts from this address; wait a minute.", "rate-limited")
                    .ExecuteAsync(ctx.HttpContext);
            };
            o.AddPolicy(TokenRateLimit, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.Auth.TokenRequestsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
                }));
        });
        services.AddScoped<TokenIssuing>();
        services.AddScoped(sp => new SignInThrottling(sp.GetRequiredService<AppDb>(), sp.GetRequiredService<TimeProvider>(), options.Auth));
    }

    static Task ApiStatusOrRedirect(RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api") || ctx.Request.Headers["HX-Request"] == "true")
            ctx.Response.StatusCode = status;
        else
            ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}

/// <summary>Adds the Qonys role and scope claims to every sign-in (cookie and bearer alike).</summary>
sealed class QonysClaimsFactory(UserManager<AppUser> users, RoleManager<AppRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, AppRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaims(Actor.ClaimsOf(user));
        if (user.Email is not null && !identity.HasClaim(c => c.Type == ClaimTypes.Email))
            identity.AddClaim(new Claim(ClaimTypes.Email, user.Email));
        return identity;
    }
}

/// <summary>A policy per named permission: the user must act in a role the grant table allows.</summary>
sealed class PermissionPolicyProvider(IOptions<AuthorizationOptions> options, PermissionGrants grants)
    : DefaultAuthorizationPolicyProvider(options)
{
    public override async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
    {
        if (!grants.All.Contains(policyName)) return await base.GetPolicyAsync(policyName);
        return new AuthorizationPolicyBuilder(AuthSetup.Scheme)
            .RequireAuthenticatedUser()
            .RequireAssertion(ctx => grants.Allows(ctx.User.FindFirstValue(Actor.RoleClaim) ?? "", policyName))
            .Build();
    }
}

/// <summary>Writes an audit entry for every refused request of a signed-in user, then answers as usual.</summary>
sealed class AuditingAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{

    readonly AuthorizationMiddlewareResultHandler _inner = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext http, AuthorizationPolicy policy, PolicyAuthorizationResult result)
    {
        if (result.Forbidden && http.User.Identity?.IsAuthenticated == true)
        {
            var audit = http.RequestServices.GetRequiredService<AuditLog>();
            // The entity id is "METHOD path" (cut to the column's length by AuditLog); the data keeps the whole path.
            await audit.RecordNowAsync(Actor.From(http.User), PlatformAuditEvents.AuthorizationFailed, "endpoint",
                http.Request.Method + " " + http.Request.Path,
                new { path = http.Request.Path.Value, requirements = policy.Requirements.Select(r => r.ToString()).ToArray() });
        }
        await _inner.HandleAsync(next, http, policy, result);
    }
}
