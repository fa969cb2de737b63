using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;

namespace Qonys.Web.Platform.Ui;

/// <summary>
/// The UI's strings in Kazakh, Russian and English from one resource file (Platform/Ui/strings.json: key → kk/ru/en).
/// A missing translation falls back to English and is caught by a test that checks every key has all three.
/// </summary>
internal sealed class UiStrings : IStringLocalizerFactory, IStringLocalizer
{
    public static readonly string[] Cultures = ["kk", "ru", "en"];
    readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> _strings = Load();

    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Qonys.Ui.strings.json")
                           ?? throw new InvalidOperationException("strings.json is not embedded");
        return JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(stream)!
            .ToDictionary(e => e.Key, e => (IReadOnlyDictionary<string, string>)e.Value, StringComparer.Ordinal);
    }

    public LocalizedString this[string name] => Translate(name, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var s = this[name];
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, s.Value, arguments), s.ResourceNotFound);
        }
    }

    LocalizedString Translate(string name, string culture)
    {
        if (_strings.TryGetValue(name, out var byCulture))
        {
            if (byCulture.TryGetValue(culture, out var text)) return new LocalizedString(name, text);
            if (byCulture.TryGetValue("en", out var en)) return new LocalizedString(name, en, resourceNotFound: true);
        }
        return new LocalizedString(name, name, resourceNotFound: true);
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        _strings.Keys.Select(k => this[k]);

    public IStringLocalizer Create(Type resourceSource) => this;
    public IStringLocalizer Create(string baseName, string location) => this;
}

internal static class LocalizationSetup
{
    public const string CookieName = ".Qonys.Culture";

    public static void UseQonysLocalization(this IApplicationBuilder app)
    {
        var cultures = UiStrings.Cultures.Select(c => new CultureInfo(c)).ToList();
        var options = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture("kk"),
            SupportedCultures = cultures,
            SupportedUICultures = cultures,
        };
        options.RequestCultureProviders =
        [
            new QueryStringRequestCultureProvider { QueryStringKey = "culture", UIQueryStringKey = "culture" },
            new CookieRequestCultureProvider { CookieName = CookieName },
            new AcceptLanguageHeaderRequestCultureProvider(),
        ];
        app.UseRequestLocalization(options);
        // ?culture=xx switches the language and keeps it in a cookie (API.md "Stable web addresses").
        app.Use(async (http, next) =>
        {
            var requested = http.Request.Query["culture"].ToString();
            if (UiStrings.Cultures.Contains(requested))
                http.Response.Cookies.Append(CookieName, CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(requested)),
                    new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true, Secure = http.Request.IsHttps });
            await next();
        });
    }
}
