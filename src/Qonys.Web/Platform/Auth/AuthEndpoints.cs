using Microsoft.AspNetCore.Http.HttpResults;
using Qonys.Web.Platform.OpenApi;

namespace Qonys.Web.Platform.Auth;

/// <summary>Signing in to the API: e-mail and password for a bearer token (rate-limited per address).</summary>
internal static class AuthEndpoints
{
    public static void MapAuthApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/auth/token", IssueToken).WithName("IssueToken")
            .AllowAnonymous()
            .RequireRateLimiting(AuthSetup.TokenRateLimit)
            .WithTag("Authentication", "Signing in: a bearer token for the API (the web UI uses a cookie).")
            .WithSummary("E-mail and password for a bearer access token; 401 when they are wrong or sign-in " +
                         "is locked for the address and source.");
    }

    static async Task<Results<Ok<TokenResponse>, ValidationProblem, UnauthorizedProblem>> IssueToken(
        TokenRequest body, HttpContext http, TokenIssuing issuing, CancellationToken ct)
    {
        var verified = await issuing.VerifyAsync(body, SourceOf(http), ct);
        return verified.Outcome switch
        {
            Outcome.Ok => TypedResults.Ok(await issuing.IssueBearerAsync(verified.Value!.User)),
            Outcome.Forbidden => UnauthorizedProblem.Of("Unauthorized", "Wrong e-mail or password.", "unauthorized"),
            Outcome.Refused => UnauthorizedProblem.Of("Sign-in locked", verified.Detail, "sign-in-locked"),
            _ => ResultMapping.Validation(verified.Errors!.ToDictionary()),
        };
    }

    /// <summary>The client's address (behind a trusted proxy: the one it forwarded), the "source" of a sign-in.</summary>
    public static string SourceOf(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
