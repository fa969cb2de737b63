namespace Qonys.Web.Modules.Support.Domain;

/// <summary>
/// The online-support conversation of one case: created with its first message. While the applicant waits for an
/// answer, <see cref="ReplyDueAt"/> says by when the officers must reply; an officer's message clears it.
/// </summary>
internal sealed class SupportConversation
{
    public Guid Id { get; set; }
    public string CaseKind { get; set; } = "";
    public string CaseId { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime LastMessageAt { get; set; }
    public DateTime? ReplyDueAt { get; set; }
    public List<SupportMessage> Messages { get; set; } = [];

    /// <summary>Adds a message and moves the reply deadline: an applicant's starts it (if not running), an officer's ends it.</summary>
    public SupportMessage Post(Guid messageId, Guid authorId, string authorName, string side, string body, DateTime at, TimeSpan replyWithin)
    {
        var message = new SupportMessage
        {
            Id = messageId, ConversationId = Id, AuthorUserId = authorId, AuthorName = authorName, Side = side, Body = body, SentAt = at,
        };
        Messages.Add(message);
        LastMessageAt = at;
        ReplyDueAt = side == SupportSides.Officer ? null : ReplyDueAt ?? at + replyWithin;
        return message;
    }
}

/// <summary>The sides as stored.</summary>
internal static class SupportSides
{
    public const string Applicant = "applicant";
    public const string Officer = "officer";
}

internal sealed class SupportMessage
{
    public Guid Id { get; set; }
    public Guid ConversationId { get; set; }
    public Guid AuthorUserId { get; set; }
    public string AuthorName { get; set; } = "";
    public string Side { get; set; } = SupportSides.Applicant;
    public string Body { get; set; } = "";
    public DateTime SentAt { get; set; }
    public List<SupportAttachment> Attachments { get; set; } = [];
}

/// <summary>A file sent with a message, kept in the database with it (so every node serves it and backups hold it).</summary>
internal sealed class SupportAttachment
{
    public Guid Id { get; set; }
    public Guid MessageId { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long SizeBytes { get; set; }
    public byte[] Content { get; set; } = [];
}
