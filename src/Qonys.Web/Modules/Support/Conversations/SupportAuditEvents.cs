namespace Qonys.Web.Modules.Support.Conversations;

/// <summary>The support module's audit events.</summary>
internal static class SupportAuditEvents
{
    public static readonly AuditEventType ConversationRead = new("support.conversation_read", AuditKind.PersonalDataRead);
    public static readonly AuditEventType AttachmentRead = new("support.attachment_read", AuditKind.PersonalDataRead);
    public static readonly AuditEventType MessagePosted = new("support.message_posted", AuditKind.Change);
}
