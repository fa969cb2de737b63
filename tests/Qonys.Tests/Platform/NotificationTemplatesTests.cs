using System.Text.RegularExpressions;
using Qonys.Web.Platform.Notifications;

namespace Qonys.Tests.Platform;

/// <summary>The notification templates: every event in Kazakh, Russian and English with the same placeholders, filled per language.</summary>
public sealed partial class NotificationTemplatesTests
{
    [GeneratedRegex(@"\{[a-z]+\}")]
    private static partial Regex Placeholder();

    static string[] Placeholders(string text) => Placeholder().Matches(text).Select(m => m.Value).Distinct().Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void Every_template_has_all_three_languages_with_the_same_placeholders()
    {
        var templates = NotificationTemplates.Load();
        templates.ShouldNotBeEmpty();
        foreach (var (eventType, template) in templates)
            foreach (var (part, texts) in new[] { ("subject", template.Subject), ("body", template.Body) })
            {
                texts.Keys.Order(StringComparer.Ordinal).ShouldBe(NotificationTemplates.Languages.Order(StringComparer.Ordinal), $"{eventType}/{part}");
                foreach (var lang in NotificationTemplates.Languages)
                    Placeholders(texts[lang]).ShouldBe(Placeholders(texts["en"]), $"{eventType}/{part}/{lang}");
            }
    }

    [Fact]
    public void A_notification_is_written_in_the_recipients_language_with_its_values()
    {
        var templates = new NotificationTemplates();
        var values = new Dictionary<string, string> { ["case"] = "TOO Qurylys", ["excerpt"] = "Сәлем", ["due"] = "2026-12-07 10:00" };

        var (subject, body) = templates.Render("support.message_to_officer", "ru", values);
        subject.ShouldBe("Новое сообщение по делу: TOO Qurylys");
        body.ShouldBe("Заявитель написал: «Сәлем». Ответить до 2026-12-07 10:00 (UTC).");
        templates.Render("support.message_to_officer", "kk", values).Subject.ShouldBe("Өтініш бойынша жаңа хабарлама: TOO Qurylys");
        // An unknown language falls back to English; a value in braces is not filled again.
        templates.Render("support.message_to_applicant", "de", new Dictionary<string, string> { ["case"] = "{excerpt}", ["excerpt"] = "x" })
            .Subject.ShouldBe("The officer replied on case {excerpt}");
        Should.Throw<InvalidOperationException>(() => templates.Render("no.such_event", "en", values));
    }
}
