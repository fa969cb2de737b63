using Qonys.Web.Platform.Ui;

namespace Qonys.BrowserTests.Infrastructure;

/// <summary>The shell's strings as written in src/Qonys.Web/Platform/Ui/strings.json (key → kk/ru/en).</summary>
public static class UiText
{
    static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Strings = UiStrings.Load();

    public static string Get(string key, string culture) => Strings[key][culture];

    /// <summary>The English text of a UI string (formatted with <paramref name="args"/>): tests find controls by what a person reads.</summary>
    public static string En(string key, params object[] args) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, Get(key, "en"), args);

    /// <summary>The dashboard heading of a role, as Index.cshtml writes it: "{dashboard.title}: {role.X}".</summary>
    public static string DashboardTitle(string role, string culture) =>
        Get("dashboard.title", culture) + ": " + Get("role." + role, culture);
}
