namespace Qonys.Web.Platform.Auth;

/// <summary>
/// The OAuth scopes of integration clients: one per inbound event type (API.md "Inbound events"). A client is registered
/// with the scopes it may ask for; a token carries the ones it was issued for; an endpoint requires one with
/// <see cref="PolicyFor"/> (or a handler asks <see cref="Actor.HasScope"/>).
/// </summary>
internal static class IntegrationScopes
{
    public const string Prefix = "events:";

    public static readonly IReadOnlyList<string> EventTypes =
    [
        "address_changed", "border_crossing", "contract_registered", "contract_terminated", "host_notification",
        "death_registered", "payment_received", "pension_contribution", "tax_payment",
    ];

    /// <summary>Every scope, <c>events:address_changed</c> … <c>events:tax_payment</c>.</summary>
    public static readonly IReadOnlyList<string> All = EventTypes.Select(ForEventType).ToArray();

    /// <summary>The scope that allows sending events of <paramref name="eventType"/> (e.g. <c>payment_received</c>).</summary>
    public static string ForEventType(string eventType) => Prefix + eventType;

    /// <summary>
    /// The name of the authorization policy requiring <paramref name="scope"/> (<c>.RequireAuthorization(IntegrationScopes.PolicyFor(...))</c>):
    /// a signed-in caller whose token carries the scope; people's tokens and cookies carry none.
    /// </summary>
    public static string PolicyFor(string scope) => "scope:" + scope;
}
