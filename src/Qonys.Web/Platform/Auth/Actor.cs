using System.Security.Claims;
using OpenIddict.Abstractions;

namespace Qonys.Web.Platform.Auth;

/// <summary>Who is acting: the signed-in user as the use cases see it (no HttpContext below the endpoint).</summary>
internal sealed record Actor(Guid UserId, string Email, string Role, string? RegionCode, string? EmployerBin, Guid? PersonId)
{
    public const string RoleClaim = "qonys:role";
    public const string RegionClaim = "qonys:region";
    public const string EmployerClaim = "qonys:employer";
    public const string PersonClaim = "qonys:person";

    public static readonly Actor System = new(Guid.Empty, "system@qonys.kz", "System", null, null, null);

    /// <summary>The host's grant table, which <see cref="Can"/> reads; an actor bound from a request has it.</summary>
    public PermissionGrants? Grants { get; init; }

    public bool Can(string permission) =>
        (Grants ?? throw new InvalidOperationException("an actor read from claims alone knows no grants"))
        .Allows(Role, permission);

    /// <summary>The OAuth scopes of an integration client's token (<see cref="IntegrationScopes"/>); none for a person.</summary>
    public IReadOnlyList<string> Scopes { get; init; } = [];

    /// <summary>Whether the caller's token carries <paramref name="scope"/>, e.g. <c>HasScope(IntegrationScopes.ForEventType("payment_received"))</c>.</summary>
    public bool HasScope(string scope) => Scopes.Contains(scope, StringComparer.Ordinal);

    /// <summary>
    /// Binds a handler's <c>Actor actor</c> parameter: the signed-in user, or null for an anonymous caller (so an
    /// anonymous endpoint takes <c>Actor? actor</c>; a protected one never runs for an anonymous caller).
    /// </summary>
    public static ValueTask<Actor?> BindAsync(HttpContext context) =>
        ValueTask.FromResult(context.User.Identity?.IsAuthenticated == true ? From(context) : null);

    /// <summary>The signed-in user of a request, with the host's grant table.</summary>
    public static Actor From(HttpContext context) =>
        From(context.User) with { Grants = context.RequestServices.GetRequiredService<PermissionGrants>() };

    public static Actor From(ClaimsPrincipal principal)
    {
        // A person's principal names its user; an integration client's token its client (subject and name, OAuthSetup).
        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? principal.FindFirstValue(OpenIddictConstants.Claims.Subject)
                 ?? throw new InvalidOperationException("an authenticated principal has a user id");
        return new Actor(
            Guid.Parse(id),
            principal.FindFirstValue(ClaimTypes.Email) ?? principal.FindFirstValue(ClaimTypes.Name)
            ?? principal.FindFirstValue(OpenIddictConstants.Claims.Name) ?? "",
            principal.FindFirstValue(RoleClaim) ?? "",
            principal.FindFirstValue(RegionClaim),
            principal.FindFirstValue(EmployerClaim),
            Guid.TryParse(principal.FindFirstValue(PersonClaim), out var p) ? p : null) { Scopes = [.. principal.GetScopes()] };
    }

    public static IEnumerable<Claim> ClaimsOf(AppUser user)
    {
        yield return new Claim(RoleClaim, user.Role);
        if (user.RegionCode is not null) yield return new Claim(RegionClaim, user.RegionCode);
        if (user.EmployerBin is not null) yield return new Claim(EmployerClaim, user.EmployerBin);
        if (user.PersonId is not null) yield return new Claim(PersonClaim, user.PersonId.Value.ToString());
    }
}
