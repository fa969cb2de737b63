using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Qonys.Web.Modules.Support.Contracts;
using Qonys.Web.Modules.Support.Domain;

namespace Qonys.Web.Modules.Support.Conversations;

/// <summary>
/// The online-support conversation of a case: reading it (audited, as a read of personal data), posting a message with
/// attachments (audited; the other side is notified), and downloading an attachment (audited). Who may do what is the
/// case kind's answer (<see cref="ISupportCaseKind"/>), from the case's own access rule: a case the caller may not see
/// is not found.
/// </summary>
internal sealed class SupportConversations(AppDb db, IEnumerable<ISupportCaseKind> kinds, AuditLog audit, Notifier notifier,
    IOptions<SupportOptions> options, TimeProvider clock)
{
    const int MaxBodyLength = 4000;
    const int ExcerptLength = 140;

    public async Task<UseCaseResult<SupportConversationResponse>> ReadAsync(Actor actor, string kind, string caseId, CancellationToken ct)
    {
        var (caseKind, found) = await FindAsync(actor, kind, caseId, ct);
        if (found is null) return UseCaseResult<SupportConversationResponse>.NotFound();
        var conversation = await db.Set<SupportConversation>().AsNoTracking().AsSplitQuery()
            .Include(c => c.Messages).ThenInclude(m => m.Attachments)
            .SingleOrDefaultAsync(c => c.CaseKind == caseKind!.Kind && c.CaseId == found.Id, ct);
        await audit.RecordNowAsync(actor, SupportAuditEvents.ConversationRead, found.Kind, found.Id,
            new { messages = conversation?.Messages.Count ?? 0 }, ct);
        return UseCaseResult<SupportConversationResponse>.Ok(Response(found, conversation));
    }

    public async Task<UseCaseResult<SupportMessageResponse>> PostAsync(Actor actor, string kind, string caseId, SupportMessageRequest body,
        CancellationToken ct)
    {
        var (caseKind, found) = await FindAsync(actor, kind, caseId, ct);
        if (found is null) return UseCaseResult<SupportMessageResponse>.NotFound();
        if (found.Side is not { } side) return UseCaseResult<SupportMessageResponse>.Forbidden("This role may read the conversation of this case but not write in it.");
        var o = options.Value;
        var e = new ValidationErrors();
        var text = body.Body?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > MaxBodyLength) e.Add("body", $"write 1 to {MaxBodyLength} characters");
        var uploads = body.Attachments ?? [];
        if (uploads.Count > o.MaxAttachmentsPerMessage) e.Add("attachments", $"at most {o.MaxAttachmentsPerMessage} files per message");
        for (var i = 0; i < uploads.Count; i++)
            if (uploads[i] is null) e.Add($"attachments[{i}]", "give the file");
            else if (AttachmentRules.Problem(uploads[i].FileName, uploads[i].ContentType, uploads[i].Content, o.MaxAttachmentBytes) is { } problem)
                e.Add($"attachments[{i}]", problem);
        if (e.Any) return UseCaseResult<SupportMessageResponse>.Invalid(e);

        var now = clock.GetUtcNow().UtcDateTime;
        var author = await db.Set<AppUser>().AsNoTracking().Where(u => u.Id == actor.UserId).Select(u => u.DisplayName).SingleOrDefaultAsync(ct) ?? "";
        var sideName = side == SupportSide.Officer ? SupportSides.Officer : SupportSides.Applicant;
        var conversation = await db.Set<SupportConversation>().SingleOrDefaultAsync(c => c.CaseKind == caseKind!.Kind && c.CaseId == found.Id, ct);
        if (conversation is null)
            db.Add(conversation = new SupportConversation { Id = Guid.CreateVersion7(), CaseKind = caseKind!.Kind, CaseId = found.Id, CreatedAt = now });
        var message = conversation.Post(Guid.CreateVersion7(), actor.UserId, author, sideName, text!, now, TimeSpan.FromHours(o.ReplyWithinHours));
        foreach (var u in uploads)
            message.Attachments.Add(new SupportAttachment
            {
                Id = Guid.CreateVersion7(), MessageId = message.Id, FileName = u.FileName!.Trim(), ContentType = u.ContentType!, SizeBytes = u.Content!.Length,
                Content = u.Content,
            });
        db.Add(message);
        audit.Record(actor, SupportAuditEvents.MessagePosted, found.Kind, found.Id,
            new { message = message.Id, side = sideName, attachments = uploads.Count });
        var other = side == SupportSide.Officer ? SupportSide.Applicant : SupportSide.Officer;
        var recipients = (await caseKind!.AccountsAsync(found.Id, other, ct)).Where(id => id != actor.UserId).ToList();
        var values = new Dictionary<string, string>
        {
            ["case"] = found.Title,
            ["excerpt"] = text!.Length > ExcerptLength ? text[..ExcerptLength] + "…" : text,
            ["due"] = conversation.ReplyDueAt?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "",
        };
        await notifier.NotifyAsync(recipients, side == SupportSide.Officer ? "support.message_to_applicant" : "support.message_to_officer",
            values, PageLink(found), ct);
        // Two first messages of one case at once: the unique (kind, case) index lets one conversation in; the other is a conflict to retry.
        if (!await db.TrySaveChangesAsync(ct))
            return UseCaseResult<SupportMessageResponse>.Conflict("Another message was posted to this case at the same moment; send yours again.");
        return UseCaseResult<SupportMessageResponse>.Created(MessageResponse(found, message));
    }

    public async Task<UseCaseResult<SupportAttachmentFile>> AttachmentAsync(Actor actor, string kind, string caseId, Guid attachmentId, CancellationToken ct)
    {
        var (caseKind, found) = await FindAsync(actor, kind, caseId, ct);
        if (found is null) return UseCaseResult<SupportAttachmentFile>.NotFound();
        var file = await (
                from a in db.Set<SupportAttachment>().AsNoTracking()
                join m in db.Set<SupportMessage>() on a.MessageId equals m.Id
                join c in db.Set<SupportConversation>() on m.ConversationId equals c.Id
                where a.Id == attachmentId && c.CaseKind == caseKind!.Kind && c.CaseId == found.Id
                select new SupportAttachmentFile(a.FileName, a.ContentType, a.Content))
            .SingleOrDefaultAsync(ct);
        if (file is null) return UseCaseResult<SupportAttachmentFile>.NotFound();
        await audit.RecordNowAsync(actor, SupportAuditEvents.AttachmentRead, found.Kind, found.Id, new { attachment = attachmentId }, ct);
        return UseCaseResult<SupportAttachmentFile>.Ok(file);
    }

    /// <summary>The conversation page of a case.</summary>
    public static string PageLink(SupportCase c) => $"/support/{c.Kind}/{Uri.EscapeDataString(c.Id)}";

    async Task<(ISupportCaseKind? Kind, SupportCase? Case)> FindAsync(Actor actor, string kind, string caseId, CancellationToken ct)
    {
        var caseKind = kinds.FirstOrDefault(k => k.Kind == kind);
        if (caseKind is null) return (null, null);
        return (caseKind, await caseKind.FindAsync(actor, caseId, ct));
    }

    SupportConversationResponse Response(SupportCase c, SupportConversation? conversation)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var messages = conversation?.Messages.OrderBy(m => m.SentAt).ThenBy(m => m.Id).Select(m => MessageResponse(c, m)).ToList() ?? [];
        return new SupportConversationResponse(c.Kind, c.Id, c.Title, c.Link, conversation?.ReplyDueAt, conversation?.ReplyDueAt < now, c.Side is not null,
            messages);
    }

    static SupportMessageResponse MessageResponse(SupportCase c, SupportMessage m) => new(m.Id, m.Side, m.AuthorName, m.Body, m.SentAt,
        m.Attachments.OrderBy(a => a.Id).Select(a => new SupportAttachmentResponse(a.Id, a.FileName, a.ContentType, a.SizeBytes,
            $"/api/v1/cases/{c.Kind}/{Uri.EscapeDataString(c.Id)}/attachments/{a.Id}")).ToList());
}
