using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Qonys.Web.Modules.Permits.Domain;
using Qonys.Web.Modules.Permits.SubmitApplication;

namespace Qonys.Web.Modules.Permits.Pages;

/// <summary>A worker block of the application form; empty strings stay null so the use case names what is missing.</summary>
internal sealed class WorkerForm
{
    public string? FullName { get; set; }
    public string? PassportNumber { get; set; }
    public string? Citizenship { get; set; }
    public DateOnly? BirthDate { get; set; }
    public string? Education { get; set; }
}

/// <summary>
/// The new application: "Check" shows every check and the fee (nothing saved), "Submit" files it and redirects to
/// the case page. Works without JavaScript: adding or removing a worker block is a form post that re-renders the form.
/// </summary>
[Authorize(Policy = PermitsModule.ApplicationsSubmit)]
internal sealed class ApplyModel(SubmitPermitApplication submit, ApplicationFormChoices choices, IStringLocalizer t) : SignedInPageModel
{
    [BindProperty] public string? EmployerBin { get; set; }
    [BindProperty] public string? RegionCode { get; set; }
    [BindProperty] public string? Category { get; set; }
    [BindProperty] public string? OccupationCode { get; set; }
    [BindProperty] public string? OkedSection { get; set; }
    [BindProperty] public int? WorkerCount { get; set; }
    [BindProperty] public int? Months { get; set; }
    [BindProperty] public long? MonthlySalaryKzt { get; set; }
    [BindProperty] public DateOnly? VacancyPublishedOn { get; set; }
    [BindProperty] public string? SendingCountry { get; set; }
    [BindProperty] public List<WorkerForm> Workers { get; set; } = [];

    public ApplicationChoices Choices { get; private set; } = null!;
    public PermitApplicationPreview? Preview { get; private set; }
    public FormErrors Errors { get; } = new();
    public bool IsEmployer { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadChoicesAsync(ct);
        RegionCode = Choices.EmployerRegionCode;
        OkedSection = Choices.EmployerOkedSection;
        Category = PermitCategory.Specialists;
        WorkerCount = 1;
        Months = 12;
        Workers = [new WorkerForm()];
    }

    public async Task<IActionResult> OnPostAddWorkerAsync(CancellationToken ct)
    {
        await LoadChoicesAsync(ct);
        if (Workers.Count < PermitAssessment.MaxWorkersPerApplication) Workers.Add(new WorkerForm());
        WorkerCount = Workers.Count;
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveWorkerAsync(int index, CancellationToken ct)
    {
        await LoadChoicesAsync(ct);
        if (index >= 0 && index < Workers.Count && Workers.Count > 1) Workers.RemoveAt(index);
        WorkerCount = Workers.Count;
        return Page();
    }

    public async Task<IActionResult> OnPostCheckAsync(CancellationToken ct)
    {
        await LoadChoicesAsync(ct);
        if (!ModelState.IsValid) return Unparsed();
        var result = await submit.PreviewAsync(Actor, ToRequest(), ct);
        if (result.Succeeded) Preview = result.Value;
        else Report(result);
        return Page();
    }

    public async Task<IActionResult> OnPostSubmitAsync(CancellationToken ct)
    {
        await LoadChoicesAsync(ct);
        if (!ModelState.IsValid) return Unparsed();
        var result = await submit.HandleAsync(Actor, ToRequest(), ct);
        if (result.Succeeded) return Redirect($"/permits/applications/{result.Value!.Id}?done=submit");
        Report(result);
        return Page();
    }

    async Task LoadChoicesAsync(CancellationToken ct)
    {
        IsEmployer = Actor.Role == Roles.Employer;
        Choices = await choices.ForAsync(Actor, ct);
        if (Workers.Count == 0) Workers.Add(new WorkerForm());
    }

    PermitApplicationRequest ToRequest() => new(
        IsEmployer ? Choices.EmployerBin : Blank(EmployerBin), Blank(RegionCode), Blank(Category), Blank(OccupationCode), Blank(OkedSection),
        WorkerCount, Months, MonthlySalaryKzt, VacancyPublishedOn,
        Workers.Select(w => new WorkerRequest(Blank(w.FullName), Blank(w.PassportNumber)?.Trim(), Blank(w.Citizenship), w.BirthDate, Blank(w.Education))).ToList(),
        Category == PermitCategory.Ict ? Blank(SendingCountry) : null);

    static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;

    IActionResult Unparsed()
    {
        Errors.AddUnparsed(ModelState, Label, t["form.unreadable"]);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    void Report<T>(UseCaseResult<T> result)
    {
        switch (result.Outcome)
        {
            case Outcome.Invalid:
                // The use case's messages are English sentences; the one most forms show is translated.
                Errors.AddAll(result.Errors, Label, m => m == "is required" ? t["form.required"] : m);
                Response.StatusCode = StatusCodes.Status400BadRequest;
                break;
            case Outcome.Refused:
                Errors.Add(result.Rule == PermitRules.Quota ? "workerCount" : result.Rule == "permit_term" ? "months" : null,
                    t["permits.refused"] + ": " + result.Detail);
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                break;
            default:
                Errors.Add(null, result.Detail ?? t["permits.not_allowed"]);
                Response.StatusCode = StatusCodes.Status403Forbidden;
                break;
        }
    }

    /// <summary>The label of a field as the form shows it; a worker's field names the worker.</summary>
    public string Label(string field)
    {
        var dot = field.IndexOf("].", StringComparison.Ordinal);
        if (field.StartsWith("workers[", StringComparison.Ordinal) && dot > 0 && int.TryParse(field[8..dot], out var i))
            return t["permits.worker_n", i + 1] + " · " + t["permits.field." + field[(dot + 2)..]];
        return t["permits.field." + field];
    }
}
