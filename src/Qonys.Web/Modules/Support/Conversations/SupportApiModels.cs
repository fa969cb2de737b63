namespace Qonys.Web.Modules.Support.Conversations;

/// <summary>A case's conversation: its messages oldest first, by when the officers must reply, and whether the caller may write.</summary>
internal sealed record SupportConversationResponse(string CaseKind, string CaseId, string Title, string CaseLink, DateTime? ReplyDueAt, bool ReplyOverdue,
    bool MayWrite, IReadOnlyList<SupportMessageResponse> Messages);

/// <summary>One message: its side (applicant or officer), its author's name, text and attachments.</summary>
internal sealed record SupportMessageResponse(Guid Id, string Side, string AuthorName, string Body, DateTime SentAt,
    IReadOnlyList<SupportAttachmentResponse> Attachments);

/// <summary>An attachment's description; <c>href</c> downloads it.</summary>
internal sealed record SupportAttachmentResponse(Guid Id, string FileName, string ContentType, long SizeBytes, string Href);

/// <summary>A new message: its text (1 to 4,000 characters) and up to the configured number of attachments.</summary>
internal sealed record SupportMessageRequest(string? Body, List<SupportAttachmentUpload>? Attachments);

/// <summary>An attachment as sent: its name, type (PDF, PNG, JPEG or plain text) and content in base64.</summary>
internal sealed record SupportAttachmentUpload(string? FileName, string? ContentType, byte[]? Content);

/// <summary>A downloaded attachment.</summary>
internal sealed record SupportAttachmentFile(string FileName, string ContentType, byte[] Content);
