namespace Qonys.Web.Modules.Integration.Inbox;

/// <summary>The integration module's audit events.</summary>
internal static class IntegrationAuditEvents
{
    public static readonly AuditEventType EventApplied = new("integration.event_applied", AuditKind.Change);
    public static readonly AuditEventType EventDeadLettered = new("integration.event_dead_lettered", AuditKind.Change);
    /// <summary>An administrator read inbox entries (their payloads hold IINs and passports).</summary>
    public static readonly AuditEventType InboxRead = new("integration.inbox_read", AuditKind.PersonalDataRead);
    public static readonly AuditEventType EventReplayed = new("integration.event_replayed", AuditKind.Change);
}
