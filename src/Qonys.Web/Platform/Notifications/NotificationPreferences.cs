using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace Qonys.Web.Platform.Notifications;

/// <summary>A person's notification choices as the API and the page show them: the in-app bell is always on.</summary>
internal sealed record NotificationPreferencesResponse(bool EmailEnabled, bool SmsEnabled, string? Phone, string Language, bool SmsAvailable);

internal sealed record NotificationPreferencesRequest(bool? EmailEnabled, bool? SmsEnabled, string? Phone, string? Language);

/// <summary>Reads and changes the signed-in person's <see cref="NotificationPreference"/>.</summary>
internal sealed partial class NotificationPreferences(AppDb db, NotificationGateways gateways, TimeProvider clock)
{
    public async Task<NotificationPreferencesResponse> GetAsync(Actor actor, CancellationToken ct)
    {
        var stored = await db.Set<NotificationPreference>().AsNoTracking().SingleOrDefaultAsync(p => p.UserId == actor.UserId, ct);
        return await ResponseAsync(actor, stored, ct);
    }

    public async Task<UseCaseResult<NotificationPreferencesResponse>> SetAsync(Actor actor, NotificationPreferencesRequest body, CancellationToken ct)
    {
        var e = new ValidationErrors();
        if (body.EmailEnabled is null) e.Add("emailEnabled", "say whether e-mail is wanted (true or false)");
        if (body.SmsEnabled is null) e.Add("smsEnabled", "say whether SMS are wanted (true or false)");
        var phone = string.IsNullOrWhiteSpace(body.Phone) ? null : body.Phone.Trim();
        if (phone is not null && !E164().IsMatch(phone)) e.Add("phone", "give the number in international form, e.g. +77011234567");
        if (body.SmsEnabled == true && phone is null) e.Add("phone", "SMS need a number");
        if (body.SmsEnabled == true && gateways.Sms.Count == 0) e.Add("smsEnabled", "no SMS provider is configured");
        if (body.Language is not null && !NotificationTemplates.Languages.Contains(body.Language))
            e.Add("language", $"'{body.Language}' is not a language of the platform; use kk, ru or en");
        if (e.Any) return UseCaseResult<NotificationPreferencesResponse>.Invalid(e);

        var stored = await db.Set<NotificationPreference>().SingleOrDefaultAsync(p => p.UserId == actor.UserId, ct);
        if (stored is null) db.Add(stored = new NotificationPreference { UserId = actor.UserId });
        stored.EmailEnabled = body.EmailEnabled!.Value;
        stored.SmsEnabled = body.SmsEnabled!.Value;
        stored.Phone = phone;
        stored.Language = body.Language;
        stored.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        if (!await db.TrySaveChangesAsync(ct)) return UseCaseResult<NotificationPreferencesResponse>.Conflict("The preferences were changed at the same time; try again.");
        return UseCaseResult<NotificationPreferencesResponse>.Ok(await ResponseAsync(actor, stored, ct));
    }

    async Task<NotificationPreferencesResponse> ResponseAsync(Actor actor, NotificationPreference? p, CancellationToken ct)
    {
        var language = p?.Language ?? await db.Set<AppUser>().AsNoTracking().Where(u => u.Id == actor.UserId).Select(u => u.Culture).SingleOrDefaultAsync(ct) ?? "kk";
        return new NotificationPreferencesResponse(p?.EmailEnabled ?? true, p?.SmsEnabled ?? false, p?.Phone, language, gateways.Sms.Count > 0);
    }

    [GeneratedRegex(@"^\+[1-9][0-9]{7,14}$")]
    private static partial Regex E164();
}
