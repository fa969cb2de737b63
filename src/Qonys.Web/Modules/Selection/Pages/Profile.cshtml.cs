using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Qonys.Web.Modules.Selection.Candidates;

namespace Qonys.Web.Modules.Selection.Pages;

/// <summary>The candidate's page: the own profile (or, for officers and administrators, one they may see) with the score
/// breakdown and how to improve it; a registration form when the account has no profile yet.</summary>
[Authorize(Policy = SelectionModule.CandidatesRead)]
internal sealed class ProfileModel(CandidateProfiles profiles) : SignedInPageModel
{
    public CandidateResponse? Candidate { get; private set; }
    public CandidateScoreResponse? Score { get; private set; }
    public List<FormError> Errors { get; private set; } = [];
    [BindProperty] public CandidateRequest? Form { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        var target = id ?? await profiles.OwnIdAsync(Actor, ct);
        if (target is null) return Page();
        var candidate = await profiles.GetAsync(Actor, target.Value, ct);
        if (!candidate.Succeeded) return NotFound();
        Candidate = candidate.Value;
        var score = await profiles.ScoreAsync(Actor, target.Value, ct);
        if (score.Succeeded) Score = score.Value;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!Actor.Can(SelectionModule.CandidatesRegister)) return Forbid();
        var result = await profiles.RegisterAsync(Actor, Form, ct);
        if (result.Succeeded) return Redirect("/selection/profile/" + result.Value!.Id);
        Errors = FormError.From(result);
        return Page();
    }
}
