using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Qonys.Web.Modules.Support.Conversations;

namespace Qonys.Web.Modules.Support.Pages;

/// <summary>
/// The conversation of a case: its messages with their attachments, the officers' reply deadline, and a form to write
/// with files. The use case is the API's (<see cref="SupportConversations"/>): the same reach, checks and audit.
/// </summary>
[Authorize(Policy = SupportModule.MessagesRead)]
internal sealed class ConversationModel(SupportConversations conversations, IStringLocalizer t, TimeProvider clock) : SignedInPageModel
{
    [FromRoute] public string Kind { get; set; } = "";
    [FromRoute] public string Id { get; set; } = "";
    [BindProperty] public string? Body { get; set; }
    [BindProperty] public List<IFormFile> Files { get; set; } = [];
    [FromQuery(Name = "sent")] public bool Sent { get; set; }

    public SupportConversationResponse Conversation { get; private set; } = null!;
    public List<string> Errors { get; } = [];
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var uploads = new List<SupportAttachmentUpload>(Files.Count);
        foreach (var file in Files.Where(f => f.Length > 0))
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            uploads.Add(new SupportAttachmentUpload(Path.GetFileName(file.FileName), file.ContentType, buffer.ToArray()));
        }
        var result = await conversations.PostAsync(Actor, Kind, Id, new SupportMessageRequest(Body, uploads), ct);
        if (result.Succeeded) return Redirect($"/support/{Kind}/{Uri.EscapeDataString(Id)}?sent=true");
        if (result.Outcome == Outcome.NotFound) return NotFound();
        if (result.Errors is not null)
            foreach (var (field, messages) in result.Errors.ToDictionary())
                foreach (var message in messages)
                    Errors.Add(t[field.StartsWith("attachments", StringComparison.Ordinal) ? "support.field.attachments" : "support.field." + field] + ": " + message);
        else Errors.Add(result.Detail ?? t["support.not_allowed"]);
        Response.StatusCode = result.Outcome switch
        {
            Outcome.Invalid => StatusCodes.Status400BadRequest,
            Outcome.Forbidden => StatusCodes.Status403Forbidden,
            _ => StatusCodes.Status409Conflict,
        };
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    async Task<bool> LoadAsync(CancellationToken ct)
    {
        var found = await conversations.ReadAsync(Actor, Kind, Id, ct);
        if (!found.Succeeded) return false;
        Conversation = found.Value!;
        return true;
    }
}
