using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Qonys.Web.Modules.Permits.Domain;
using Qonys.Web.Modules.Permits.Quotas;
using Qonys.Web.Modules.Permits.SubmitApplication;

namespace Qonys.Web.Modules.Permits.Pages;

/// <summary>
/// The quota ledger of a year per region and category, as a table and a stacked bar chart (used, reserved, available
/// make up the cap); administrators set a new cap or revise one, with the reason, on the same page.
/// </summary>
[Authorize(Policy = PermitsModule.QuotasRead)]
internal sealed class QuotasModel(QuotaAdministration quotas, ApplicationFormChoices choices, TimeProvider clock, IStringLocalizer t) : SignedInPageModel
{
    /// <summary>The form id of the "set a cap" form; row forms use "{region}-{category}".</summary>
    public const string NewForm = "new";

    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty] public string? RegionCode { get; set; }
    [BindProperty] public string? Category { get; set; }
    [BindProperty] public int? Cap { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? FormId { get; set; }

    public IReadOnlyList<QuotaResponse> Rows { get; private set; } = [];
    public IReadOnlyList<Choice> Regions { get; private set; } = [];
    public bool CanManage { get; private set; }
    public FormErrors Errors { get; } = new();
    public string? Saved { get; private set; }

    public static IEnumerable<string> QuotaCategories => PermitCategory.All.Where(PermitCategory.HasQuota);

    public static string RowForm(string regionCode, string category) => regionCode + "-" + category;

    public async Task<IActionResult> OnGetAsync([FromQuery] string? saved, CancellationToken ct)
    {
        Saved = saved;
        return await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostReviseAsync(CancellationToken ct)
    {
        if (!Actor.Can(PermitsModule.QuotasManage)) return Forbid();
        var year = Year ?? ThisYear();
        if (!ModelState.IsValid)
        {
            foreach (var (key, entry) in ModelState)
                if (entry.Errors.Count > 0)
                    Errors.Add(FieldId(FormErrors.KeyOf(key)), t["permits.field." + FormErrors.KeyOf(key)] + ": " + t["form.unreadable"]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await LoadAsync(ct);
        }
        var result = await quotas.ReviseAsync(Actor, year, RegionCode ?? "", Category ?? "", new QuotaRevisionRequest(Cap, Reason), ct);
        if (result.Succeeded) return Redirect($"/quotas?year={year}&saved={Uri.EscapeDataString(RowForm(RegionCode!, Category!))}");
        switch (result.Outcome)
        {
            case Outcome.Invalid:
                foreach (var (field, messages) in result.Errors!.ToDictionary())
                    foreach (var message in messages)
                        Errors.Add(FieldId(field), t["permits.field." + field] + ": " + message);
                Response.StatusCode = StatusCodes.Status400BadRequest;
                break;
            case Outcome.Refused:
                Errors.Add(FieldId("cap"), t["permits.refused"] + ": " + result.Detail);
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                break;
            default:
                Errors.Add(null, result.Detail ?? t["permits.not_allowed"]);
                Response.StatusCode = StatusCodes.Status403Forbidden;
                break;
        }
        return await LoadAsync(ct);
    }

    /// <summary>The id of a field of the form that was posted (cap and reason exist on every form; region and category on the new one).</summary>
    public string FieldId(string field) => field is "cap" or "reason" || FormId == NewForm ? field + "-" + (FormId ?? NewForm) : field;

    async Task<IActionResult> LoadAsync(CancellationToken ct)
    {
        Year ??= ThisYear();
        var list = await quotas.ListAsync(Actor, Year, null, null, ct);
        if (!list.Succeeded)
        {
            Year = ThisYear();
            Errors.Add("year", t["permits.field.year"] + ": " + string.Join(" ", list.Errors?.ToDictionary().SelectMany(x => x.Value) ?? []));
            list = await quotas.ListAsync(Actor, Year, null, null, ct);
        }
        Rows = list.Value!;
        CanManage = Actor.Can(PermitsModule.QuotasManage);
        Regions = await choices.RegionsAsync(ct);
        return Page();
    }

    int ThisYear() => clock.GetUtcNow().UtcDateTime.Year;

    /// <summary>The chart's data: one bar per (region, category), stacked used + reserved + available = cap.</summary>
    public string ChartJson() => JsonSerializer.Serialize(new
    {
        labels = Rows.Select(r => $"{r.RegionCode} · {r.Category}"),
        series = new[]
        {
            new { name = t["permits.quota.used"].Value, data = Rows.Select(r => r.Used) },
            new { name = t["permits.quota.reserved"].Value, data = Rows.Select(r => r.Reserved) },
            new { name = t["permits.quota.available"].Value, data = Rows.Select(r => Math.Max(0, r.Available)) },
        },
    });
}
