namespace Qonys.Web.Modules.Integration.Inbox;

/// <summary>
/// Who may send an event of a type: the one place the rule is written. Today a role check (the integration client and
/// administrators, <see cref="IntegrationModule.EventsSend"/>); with OAuth client credentials it becomes the client's
/// scope <c>events:&lt;type&gt;</c>, a change of this line alone.
/// </summary>
internal static class InboundEventAccess
{
    public static bool MaySend(Actor actor, string type) => actor.Can(IntegrationModule.EventsSend);
}
