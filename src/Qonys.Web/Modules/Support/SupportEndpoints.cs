using Microsoft.AspNetCore.Http.HttpResults;
using Qonys.Web.Modules.Support.Conversations;
using Qonys.Web.Platform.OpenApi;

namespace Qonys.Web.Modules.Support;

/// <summary>Online support (docs/api.md "Online support"): the conversation of a case between its applicant and the officers.</summary>
internal static class SupportEndpoints
{
    public static void MapSupportApi(this IEndpointRouteBuilder app)
    {
        var cases = app.MapGroup("/api/v1/cases/{kind}/{id}")
            .WithTag("Online support", "The conversation of a case (kind permit-application) between its applicant and the officers, " +
                                       "with attachments and the officers' reply deadline; seen by those who may see the case.")
            .RequireAuthorization(SupportModule.MessagesRead);
        cases.MapGet("/messages", Read).WithName("ReadCaseConversation")
            .WithSummary("The case's messages oldest first, the reply deadline and whether the caller may write. Audited.");
        cases.MapPost("/messages", Post).WithName("PostCaseMessage").WithIdempotency()
            .RequireAuthorization(SupportModule.MessagesWrite)
            .WithSummary("Write to the other side of the case, with up to 3 attachments (PDF, PNG, JPEG, text; 512 KiB each, base64). " +
                         "The other side is notified; an applicant's message starts the officers' reply deadline, an officer's ends it.");
        cases.MapGet("/attachments/{attachmentId:guid}", Download).WithName("DownloadCaseAttachment")
            .WithSummary("An attachment of the case's conversation. Audited.");
    }

    static async Task<Results<Ok<SupportConversationResponse>, NotFoundProblem>> Read(
        string kind, string id, Actor actor, SupportConversations conversations, CancellationToken ct) =>
        (await conversations.ReadAsync(actor, kind, id, ct)).ToOk(Refusals.NotFound);

    static async Task<Results<Created<SupportMessageResponse>, ValidationProblem, NotFoundProblem, ForbiddenProblem, ConflictProblem>> Post(
        string kind, string id, SupportMessageRequest body, Actor actor, SupportConversations conversations, CancellationToken ct) =>
        (await conversations.PostAsync(actor, kind, id, body, ct)).ToHttp(
            m => TypedResults.Created($"/api/v1/cases/{kind}/{Uri.EscapeDataString(id)}/messages", m),
            Refusals.Invalid, Refusals.NotFound, Refusals.Forbidden, Refusals.Conflict);

    static async Task<Results<FileContentHttpResult, NotFoundProblem>> Download(
        string kind, string id, Guid attachmentId, Actor actor, SupportConversations conversations, CancellationToken ct) =>
        (await conversations.AttachmentAsync(actor, kind, id, attachmentId, ct)).ToHttp(
            f => TypedResults.File(f.Content, f.ContentType, f.FileName), Refusals.NotFound);
}
