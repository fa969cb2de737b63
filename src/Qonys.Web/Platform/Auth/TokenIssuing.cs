using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Qonys.Web.Platform.Auth;

internal sealed record TokenRequest(string? Email, string? Password);
internal sealed record TokenResponse(string AccessToken, int ExpiresIn);

/// <summary>
/// Signs a user in with e-mail and password, for the API (bearer token) and the UI (cookie) alike. Known and unknown
/// e-mail addresses take the same path — one password hash check, the same throttle, the same answers — so neither
/// the time nor the message tells whether an account exists (docs/security.md "Authentication and lock-out").
/// </summary>
internal sealed class TokenIssuing(
    UserManager<AppUser> users, SignInManager<AppUser> signIn, IOptionsMonitor<BearerTokenOptions> bearer,
    AuditLog audit, TimeProvider clock, SignInThrottling throttling)
{
    public sealed record Verified(AppUser User);

    /// <summary>A hash to check unknown addresses' passwords against: as costly as a real account's check.</summary>
    static readonly PasswordHasher<AppUser> Hasher = new();
    static readonly AppUser Nobody = new();
    static readonly Lazy<string> DummyHash = new(() => Hasher.HashPassword(Nobody, Guid.NewGuid().ToString()));
    static readonly Actor Unknown = new(Guid.Empty, "", "Anonymous", null, null, null);

    /// <summary>
    /// Checks the credentials from <paramref name="source"/> (the client's address), counting failures towards the
    /// lock-out of this e-mail from this source, and audits the outcome.
    /// </summary>
    public async Task<UseCaseResult<Verified>> VerifyAsync(TokenRequest request, string source, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(request.Email)) errors.Add("email", "is required");
        if (string.IsNullOrEmpty(request.Password)) errors.Add("password", "is required");
        if (errors.Any) return UseCaseResult<Verified>.Invalid(errors);

        var email = request.Email!.Trim();
        var key = SignInThrottling.KeyOf(users.NormalizeEmail(email), source);
        if (await throttling.LockedUntilAsync(key, ct) is { } lockedUntil)
            return UseCaseResult<Verified>.Refused("sign_in_locked",
                $"Signing in with this e-mail address from your address is locked after repeated failures until {lockedUntil:yyyy-MM-dd HH:mm} UTC.");

        var user = await users.FindByEmailAsync(email);
        bool passwordOk;
        if (user is not null && !await users.IsLockedOutAsync(user))
        {
            passwordOk = (await signIn.CheckPasswordSignInAsync(user, request.Password!, lockoutOnFailure: false)).Succeeded;
        }
        else
        {
            // An unknown address, or an account an administrator locked: the same hash check, so it takes as long.
            Hasher.VerifyHashedPassword(Nobody, DummyHash.Value, request.Password!);
            passwordOk = false;
        }
        var actor = user is null ? Unknown : new Actor(user.Id, user.Email ?? "", user.Role, user.RegionCode, user.EmployerBin, user.PersonId);
        if (passwordOk)
        {
            await throttling.SucceededAsync(key, ct);
            await audit.RecordNowAsync(actor, PlatformAuditEvents.LoginSucceeded, "user", user!.Id.ToString(), ct: ct);
            return UseCaseResult<Verified>.Ok(new Verified(user));
        }
        var locked = await throttling.FailedAsync(key, ct);
        // Unknown addresses are audited too (without the address), so both paths write the same.
        await audit.RecordNowAsync(actor, PlatformAuditEvents.LoginFailed, "user", user?.Id.ToString(), new { known = user is not null }, ct);
        if (locked && user is not null)
        {
            // Whoever was guessing, the account's sessions end: its owner signs in again (from any other address at once).
            await SessionRevocation.RevokeAsync(users, user);
            await audit.RecordNowAsync(actor, PlatformAuditEvents.AccountLockedOut, "user", user.Id.ToString(), new { scope = "e-mail and source" }, ct);
        }
        return UseCaseResult<Verified>.Forbidden("wrong e-mail or password");
    }

    public async Task<TokenResponse> IssueBearerAsync(AppUser user)
    {
        var principal = await signIn.CreateUserPrincipalAsync(user);
        var options = bearer.Get(IdentityConstants.BearerScheme);
        var now = clock.GetUtcNow();
        var properties = new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now + options.BearerTokenExpiration };
        var ticket = new AuthenticationTicket(principal, properties, $"{IdentityConstants.BearerScheme}:AccessToken");
        return new TokenResponse(options.BearerTokenProtector.Protect(ticket), (int)options.BearerTokenExpiration.TotalSeconds);
    }
}
