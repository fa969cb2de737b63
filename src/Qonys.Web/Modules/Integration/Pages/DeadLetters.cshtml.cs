using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Qonys.Web.Modules.Integration.Inbox;

namespace Qonys.Web.Modules.Integration.Pages;

/// <summary>
/// The administrator's dead-letter list: the events that could not be applied, with the reason, and a replay per
/// event (the same use case as <c>POST /api/v1/integration/dead-letters/{eventId}/replay</c>, audited).
/// </summary>
[Authorize(Policy = IntegrationModule.InboxManage)]
internal sealed class DeadLettersModel(DeadLetters deadLetters, InboundRoutes routes, IStringLocalizer t) : SignedInPageModel
{
    [FromQuery(Name = "type")] public string? Type { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    /// <summary>After a replay: the event and what it came to.</summary>
    [FromQuery(Name = "replayed")] public Guid? Replayed { get; set; }
    [FromQuery(Name = "outcome")] public string? ReplayOutcome { get; set; }

    public PagedList<InboxEntryResponse> List { get; private set; } = new([], 0, 1, 50);
    public IReadOnlyCollection<string> Types => routes.Names;
    public List<string> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Type is not null && routes.Find(Type) is null) Type = null;
        List = (await deadLetters.ListAsync(Actor, Type, PageNumber, 50, ct)).Value!;
        return Page();
    }

    public async Task<IActionResult> OnPostReplayAsync(Guid eventId, CancellationToken ct)
    {
        var result = await deadLetters.ReplayAsync(Actor, eventId, ct);
        if (result.Succeeded) return Redirect($"/integration/dead-letters?replayed={eventId}&outcome={result.Value!.Outcome}");
        Errors.Add(result.Outcome == Outcome.NotFound ? t["integration.not_found"] : result.Detail ?? t["integration.not_found"]);
        Response.StatusCode = result.Outcome == Outcome.NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status409Conflict;
        List = (await deadLetters.ListAsync(Actor, null, 1, 50, ct)).Value!;
        return Page();
    }
}
