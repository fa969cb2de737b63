using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Qonys.Web.Modules.Selection.Rounds;

namespace Qonys.Web.Modules.Selection.Pages;

/// <summary>Round history with the published cut-offs; administrators run a round here (the form works without JavaScript).</summary>
[Authorize(Policy = SelectionModule.ScorecardsRead)]
internal sealed class RoundsModel(RoundQueries queries, RunRound run) : SignedInPageModel
{
    public IReadOnlyList<RoundResponse> Items { get; private set; } = [];
    public List<FormError> Errors { get; private set; } = [];
    public RoundResponse? Done { get; private set; }
    public bool CanRun { get; private set; }
    [BindProperty] public string? RoundKey { get; set; }
    [BindProperty] public int? Invitations { get; set; }
    [BindProperty] public string? OccupationCodes { get; set; }
    [BindProperty] public string? RegionCodes { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!Actor.Can(SelectionModule.RoundsRun)) return Forbid();
        var result = await run.HandleAsync(Actor, new RoundRequest(RoundKey, Invitations, Split(OccupationCodes), Split(RegionCodes)), ct);
        if (result.Succeeded) Done = result.Value;
        else Errors = FormError.From(result);
        await LoadAsync(ct);
        return Page();
    }

    async Task LoadAsync(CancellationToken ct)
    {
        CanRun = Actor.Can(SelectionModule.RoundsRun);
        Items = (await queries.ListAsync(1, 100, ct)).Value!.Items;
    }

    static List<string> Split(string? codes) =>
        (codes ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
