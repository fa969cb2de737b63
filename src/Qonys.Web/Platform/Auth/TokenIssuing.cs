using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Qonys.Web.Platform.Auth;

public sealed record TokenRequest(string? Email, string? Password);
public sealed record TokenResponse(string AccessToken, int ExpiresIn);

/// <summary>Signs a user in with e-mail and password, for the API (bearer token) and the UI (cookie) alike.</summary>
public sealed class TokenIssuing(
    UserManager<AppUser> users, SignInManager<AppUser> signIn, IOptionsMonitor<BearerTokenOptions> bearer,
    AuditLog audit, TimeProvider clock)
{
    public sealed record Verified(AppUser User);

    /// <summary>Checks the credentials (counting failures towards lock-out) and audits the outcome.</summary>
    public async Task<UseCaseResult<Verified>> VerifyAsync(TokenRequest request, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(request.Email)) errors.Add("email", "is required");
        if (string.IsNullOrEmpty(request.Password)) errors.Add("password", "is required");
        if (errors.Any) return UseCaseResult<Verified>.Invalid(errors);

        var user = await users.FindByEmailAsync(request.Email!.Trim());
        if (user is null) return UseCaseResult<Verified>.Forbidden("wrong e-mail or password");
        var actor = new Actor(user.Id, user.Email ?? "", user.Role, user.RegionCode, user.EmployerBin, user.PersonId);
        var check = await signIn.CheckPasswordSignInAsync(user, request.Password!, lockoutOnFailure: true);
        if (check.Succeeded)
        {
            await audit.RecordNowAsync(actor, PlatformAuditEvents.LoginSucceeded, "user", user.Id.ToString(), ct: ct);
            return UseCaseResult<Verified>.Ok(new Verified(user));
        }
        if (check.IsLockedOut)
        {
            var until = await users.GetLockoutEndDateAsync(user);
            await audit.RecordNowAsync(actor, PlatformAuditEvents.AccountLockedOut, "user", user.Id.ToString(), new { until }, ct);
            return UseCaseResult<Verified>.Refused("account_locked",
                $"The account is locked after repeated failed sign-ins until {until:yyyy-MM-dd HH:mm} UTC.");
        }
        await audit.RecordNowAsync(actor, PlatformAuditEvents.LoginFailed, "user", user.Id.ToString(), ct: ct);
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
