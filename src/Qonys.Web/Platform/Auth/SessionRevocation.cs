using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Qonys.Web.Platform.Auth;

/// <summary>
/// Revocation of cookies and bearer tokens. Both carry the account's security stamp from sign-in; logging out, a
/// password change and a lock-out give the account a new stamp (<see cref="RevokeAsync"/>), and a cookie or token
/// whose stamp is no longer the account's — or whose account is gone or locked by an administrator — no longer
/// authenticates (the request is answered 401, or sent to the login page), and a cookie is removed. Checked while
/// authenticating, once per request.
/// </summary>
static class SessionRevocation
{
    /// <summary>Ends every cookie and bearer token issued to the account so far.</summary>
    public static Task RevokeAsync(UserManager<AppUser> users, AppUser user) => users.UpdateSecurityStampAsync(user);

    public static async Task ValidateCookieAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal is { } principal && !await IsCurrentAsync(context.HttpContext, principal))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }

    /// <summary>Reads the token as the handler will, and fails the authentication when its session was revoked.</summary>
    public static async Task ValidateBearerAsync(MessageReceivedContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return;
        var ticket = context.Options.BearerTokenProtector.Unprotect(header["Bearer ".Length..].Trim());
        if (ticket?.Principal is { } principal && !await IsCurrentAsync(context.HttpContext, principal))
            context.Fail("The token was revoked (logout, password change or lock-out).");
    }

    static async Task<bool> IsCurrentAsync(HttpContext http, ClaimsPrincipal principal)
    {
        var services = http.RequestServices;
        if (!Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id)) return false;
        var account = await services.GetRequiredService<AppDb>().Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new { u.SecurityStamp, u.LockoutEnd }).FirstOrDefaultAsync(http.RequestAborted);
        if (account is null || account.LockoutEnd > services.GetRequiredService<TimeProvider>().GetUtcNow()) return false;
        var claim = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        return (account.SecurityStamp ?? "") == (principal.FindFirstValue(claim) ?? "");
    }
}
