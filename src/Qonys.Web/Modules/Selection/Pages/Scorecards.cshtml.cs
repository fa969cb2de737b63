using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Qonys.Web.Modules.Selection.Scorecards;

namespace Qonys.Web.Modules.Selection.Pages;

/// <summary>Every scorecard, or one with its versions; editors create a draft from the published version here.</summary>
[Authorize(Policy = SelectionModule.ScorecardsRead)]
internal sealed class ScorecardsModel(ScorecardBook book, ScorecardEditing editing) : SignedInPageModel
{
    public IReadOnlyList<ScorecardOverview> Cards { get; private set; } = [];
    public ScorecardOverview? Card { get; private set; }
    public string? Message { get; private set; }
    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? key, CancellationToken ct)
    {
        CanEdit = Actor.Can(SelectionModule.ScorecardsEdit);
        if (key is null)
        {
            Cards = await book.ListAsync(Actor, ct);
            return Page();
        }
        var card = await book.GetAsync(Actor, key, ct);
        if (!card.Succeeded) return NotFound();
        Card = card.Value;
        Message = TempData["selection.message"] as string;
        return Page();
    }

    public async Task<IActionResult> OnPostDraftAsync(string key, CancellationToken ct)
    {
        if (!Actor.Can(SelectionModule.ScorecardsEdit)) return Forbid();
        var result = await editing.CreateDraftAsync(Actor, key, new DraftRequest(true, null), ct);
        if (!result.Succeeded) return NotFound();
        return Redirect($"/selection/scorecards/{key}/drafts/{result.Value!.Version}");
    }
}
