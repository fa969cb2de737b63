namespace Qonys.Web.Modules.Integration.Inbox;

/// <summary>
/// Who may send an event of a type: the one place the rule is written. An integration client whose OAuth token carries
/// the type's scope <c>events:&lt;type&gt;</c> (docs/security.md "Integration clients"), or an administrator (API.md).
/// </summary>
internal static class InboundEventAccess
{
    public static bool MaySend(Actor actor, string type) =>
        actor.Role == Roles.Administrator || actor.HasScope(IntegrationScopes.ForEventType(type));
}
