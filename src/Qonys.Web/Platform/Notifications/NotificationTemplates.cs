using System.Reflection;
using System.Text;
using System.Text.Json;

namespace Qonys.Web.Platform.Notifications;

/// <summary>
/// The subject and body of each event's notification in Kazakh, Russian and English, from one resource file
/// (Platform/Notifications/templates.json: event type → subject/body → kk/ru/en), with {name} placeholders filled from
/// the event's values. A test checks every template has all three languages with the same placeholders.
/// </summary>
internal sealed class NotificationTemplates
{
    public static readonly string[] Languages = ["kk", "ru", "en"];

    readonly IReadOnlyDictionary<string, Template> _templates = Load();

    internal sealed record Template(IReadOnlyDictionary<string, string> Subject, IReadOnlyDictionary<string, string> Body);

    public static IReadOnlyDictionary<string, Template> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Qonys.Notifications.templates.json")
                           ?? throw new InvalidOperationException("templates.json is not embedded");
        return JsonSerializer.Deserialize<Dictionary<string, Template>>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }

    public bool Knows(string eventType) => _templates.ContainsKey(eventType);

    /// <summary>The notification of <paramref name="eventType"/> in <paramref name="language"/> (English where the language is unknown).</summary>
    public (string Subject, string Body) Render(string eventType, string? language, IReadOnlyDictionary<string, string> values)
    {
        var template = _templates.GetValueOrDefault(eventType) ?? throw new InvalidOperationException($"No notification template for '{eventType}'");
        var lang = language is not null && Languages.Contains(language) ? language : "en";
        return (Fill(template.Subject[lang], values), Fill(template.Body[lang], values));
    }

    /// <summary>Replaces each {name} with its value; a placeholder without a value is left as written.</summary>
    static string Fill(string text, IReadOnlyDictionary<string, string> values)
    {
        var sb = new StringBuilder(text.Length + 64);
        var i = 0;
        while (i < text.Length)
        {
            var open = text.IndexOf('{', i);
            var close = open < 0 ? -1 : text.IndexOf('}', open + 1);
            if (close < 0)
            {
                sb.Append(text, i, text.Length - i);
                break;
            }
            sb.Append(text, i, open - i);
            var name = text[(open + 1)..close];
            sb.Append(values.TryGetValue(name, out var value) ? value : text[open..(close + 1)]);
            i = close + 1;
        }
        return sb.ToString();
    }
}
