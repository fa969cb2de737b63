using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Qonys.Web.Platform.Ui.Pages;

/// <summary>The signed-in person's notification channels and language, and where their e-mail and SMS stand.</summary>
internal sealed class NotificationPreferencesModel(NotificationPreferences preferences, NotificationDeliveries deliveries, IStringLocalizer t)
    : SignedInPageModel
{
    [BindProperty] public bool EmailEnabled { get; set; }
    [BindProperty] public bool SmsEnabled { get; set; }
    [BindProperty] public string? Phone { get; set; }
    [BindProperty] public string? Language { get; set; }
    [FromQuery(Name = "saved")] public bool Saved { get; set; }

    public bool SmsAvailable { get; private set; }
    public List<string> Errors { get; } = [];
    public IReadOnlyList<DeliveryResponse> Deliveries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var p = await preferences.GetAsync(Actor, ct);
        (EmailEnabled, SmsEnabled, Phone, Language) = (p.EmailEnabled, p.SmsEnabled, p.Phone, p.Language);
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await preferences.SetAsync(Actor, new NotificationPreferencesRequest(EmailEnabled, SmsEnabled, Phone, Language), ct);
        if (result.Succeeded) return RedirectToPage(new { saved = true });
        if (result.Errors is not null)
            foreach (var (field, messages) in result.Errors.ToDictionary())
                foreach (var message in messages)
                    Errors.Add(t["preferences.field." + field] + ": " + message);
        else Errors.Add(result.Detail ?? "");
        Response.StatusCode = result.Outcome == Outcome.Invalid ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict;
        await LoadAsync(ct);
        return Page();
    }

    async Task LoadAsync(CancellationToken ct)
    {
        SmsAvailable = (await preferences.GetAsync(Actor, ct)).SmsAvailable;
        Deliveries = (await deliveries.PageAsync(Actor, everyone: false, null, 1, 50, ct)).Value!.Items;
    }
}
