using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Qonys.Engines.Scoring;
using Qonys.Web.Modules.Selection.Scorecards;

namespace Qonys.Web.Modules.Selection.Pages;

/// <summary>
/// The draft editor: one criterion at a time, every band's bounds (numeric) and points in a plain form; the engine's
/// validation messages in the error summary; a what-if against the pool (enter/leave lists and a histogram before and
/// after); and the separate Publish step.
/// </summary>
[Authorize(Policy = SelectionModule.ScorecardsEdit)]
internal sealed class DraftModel(ScorecardEditing editing, WhatIf whatIf) : SignedInPageModel
{
    public string Key { get; private set; } = "";
    public Scorecard Card { get; private set; } = new();
    public int CriterionIndex { get; private set; }
    public List<FormError> Errors { get; private set; } = [];
    public bool Saved { get; private set; }
    public WhatIfResponse? Result { get; private set; }
    public int Invitations { get; private set; } = 100;

    public async Task<IActionResult> OnGetAsync(string key, int version, int? criterion, CancellationToken ct) =>
        await LoadAsync(key, version, criterion, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSaveAsync(string key, int version, int criterion, CancellationToken ct)
    {
        var row = await editing.DraftRowAsync(key, version, ct);
        if (row is null || !await LoadAsync(key, version, criterion, ct)) return NotFound();
        var source = Card.Criteria[CriterionIndex];
        var points = Request.Form["points"];
        var mins = Request.Form["min"];
        var maxes = Request.Form["max"];
        var labels = Request.Form["label"];
        var bands = new List<Band>();
        for (var i = 0; i < source.Bands.Count; i++)
        {
            var path = $"criteria[{CriterionIndex}].bands[{i}]";
            var band = source.Bands[i] with
            {
                Points = Number(points, i, path + ".points") ?? source.Bands[i].Points,
                Label = i < labels.Count && !string.IsNullOrWhiteSpace(labels[i]) ? labels[i]!.Trim() : source.Bands[i].Label,
            };
            if (source.Kind == CriterionKind.Numeric) band = band with { Min = Number(mins, i, path + ".min"), Max = Number(maxes, i, path + ".max") };
            bands.Add(band);
        }
        if (Errors.Count > 0) return Page();
        var criteria = Card.Criteria.ToList();
        criteria[CriterionIndex] = source with { Bands = bands };
        var result = await editing.SaveDraftAsync(Actor, row, Card with { Criteria = criteria }, ct);
        if (!result.Succeeded)
        {
            Errors = FormError.From(result);
            Card = Card with { Criteria = criteria };
            return Page();
        }
        Card = result.Value!.Scorecard();
        Saved = true;
        return Page();
    }

    public async Task<IActionResult> OnPostWhatIfAsync(string key, int version, int criterion, int invitations, CancellationToken ct)
    {
        if (!await LoadAsync(key, version, criterion, ct)) return NotFound();
        Invitations = invitations;
        var result = await whatIf.RunAsync(Actor, key, version, new WhatIfRequest(invitations, null, null), ct);
        if (result.Succeeded) Result = result.Value;
        else Errors = FormError.From(result);
        return Page();
    }

    public async Task<IActionResult> OnPostPublishAsync(string key, int version, CancellationToken ct)
    {
        if (!Actor.Can(SelectionModule.ScorecardsPublish)) return Forbid();
        var result = await editing.PublishAsync(Actor, key, version, ct);
        if (result.Succeeded)
        {
            TempData["selection.message"] = "selection.draft.published";
            return Redirect($"/selection/scorecards/{key}");
        }
        if (!await LoadAsync(key, version, 0, ct)) return NotFound();
        Errors = FormError.From(result);
        return Page();
    }

    async Task<bool> LoadAsync(string key, int version, int? criterion, CancellationToken ct)
    {
        var row = await editing.DraftRowAsync(key, version, ct);
        if (row is null) return false;
        Key = key;
        Card = ScorecardJson.Deserialize(row.Definition);
        CriterionIndex = Math.Clamp(criterion ?? 0, 0, Card.Criteria.Count - 1);
        return true;
    }

    decimal? Number(Microsoft.Extensions.Primitives.StringValues values, int i, string path)
    {
        if (i >= values.Count || string.IsNullOrWhiteSpace(values[i])) return null;
        if (decimal.TryParse(values[i], NumberStyles.Number, CultureInfo.InvariantCulture, out var n)) return n;
        Errors.Add(new FormError(path, $"{path}: '{values[i]}' is not a number"));
        return null;
    }
}
