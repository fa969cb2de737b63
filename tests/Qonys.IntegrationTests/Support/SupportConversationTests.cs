using System.Text;
using Microsoft.EntityFrameworkCore;
using Qonys.Web.Platform.Audit;
using Qonys.Web.Platform.Auth;
using Qonys.Web.Platform.Notifications;
using static Qonys.IntegrationTests.Permits.LifecycleSteps;
using static Qonys.IntegrationTests.Platform.PlatformTestKit;

namespace Qonys.IntegrationTests.Support;

/// <summary>
/// Online support over HTTP: the conversation of a permit application between its employer and the region's officers,
/// with attachments, the reply deadline in the officer's queue, notifications both ways, the case's own reach (404
/// beyond it), read-only for inspectors, and audited reads.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed class SupportConversationTests(Apps apps)
{
    static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n% a tiny test document\n%%EOF\n");

    static string Messages(Guid id) => $"/api/v1/cases/permit-application/{id}/messages";

    static Task<Guid> UserIdAsync(TestApp app, string email) =>
        app.WithDbAsync(db => db.Set<AppUser>().Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    static Task<List<Notification>> NotificationsAsync(TestApp app, Guid userId, string eventType, Guid caseId) =>
        app.WithDbAsync(db => db.Set<Notification>().AsNoTracking()
            .Where(n => n.UserId == userId && n.EventType == eventType && n.Link == "/support/permit-application/" + caseId).ToListAsync());

    [Theory, OnSqlite, OnPostgres]
    public async Task The_employer_and_the_officer_converse_with_attachments_a_reply_deadline_and_notifications(Provider provider)
    {
        var app = await apps.For(provider);
        var id = await SubmitAsync(app);
        using var employer = await app.As(Demo.Employer);
        using var officer = await app.As(Demo.OfficerKaraganda);

        var empty = await employer.GetFromJsonAsync<JsonElement>(Messages(id));
        empty.GetProperty("messages").GetArrayLength().ShouldBe(0);
        empty.GetProperty("mayWrite").GetBoolean().ShouldBeTrue();
        empty.GetProperty("replyDueAt").ValueKind.ShouldBe(JsonValueKind.Null);

        var posted = await employer.PostAsJsonAsync(Messages(id), new
        {
            body = "Could you confirm which diploma translation you need?",
            attachments = new[] { new { fileName = "diploma.pdf", contentType = "application/pdf", content = Convert.ToBase64String(Pdf) } },
        });
        var message = await posted.Content.ReadFromJsonAsync<JsonElement>();
        posted.StatusCode.ShouldBe(HttpStatusCode.Created, message.ToString());
        message.GetProperty("side").GetString().ShouldBe("applicant");
        var attachment = message.GetProperty("attachments")[0];
        attachment.GetProperty("sizeBytes").GetInt64().ShouldBe(Pdf.Length);

        // The officer of the region sees it, with the reply deadline 48 hours after it, and is notified.
        var seen = await officer.GetFromJsonAsync<JsonElement>(Messages(id));
        seen.GetProperty("messages").GetArrayLength().ShouldBe(1);
        var sentAt = seen.GetProperty("messages")[0].GetProperty("sentAt").GetDateTime();
        seen.GetProperty("replyDueAt").GetDateTime().ShouldBe(sentAt.AddHours(48), TimeSpan.FromSeconds(1));
        seen.GetProperty("replyOverdue").GetBoolean().ShouldBeFalse();
        var download = await officer.GetAsync(attachment.GetProperty("href").GetString());
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(Pdf);
        var officerId = await UserIdAsync(app, Demo.OfficerKaraganda);
        (await NotificationsAsync(app, officerId, "support.message_to_officer", id)).Select(n => n.Channel).ShouldContain(NotificationChannels.InApp);
        var queue = await officer.GetStringAsync("/permits/queue");
        queue.ShouldContain($"href=\"/support/permit-application/{id}\"");

        // The officer answers: the deadline ends and the employer's accounts are notified.
        var reply = await officer.PostAsJsonAsync(Messages(id), new { body = "A notarised Russian or Kazakh translation, please." });
        reply.StatusCode.ShouldBe(HttpStatusCode.Created, await reply.Content.ReadAsStringAsync());
        var after = await employer.GetFromJsonAsync<JsonElement>(Messages(id));
        after.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("side").GetString()).ShouldBe(["applicant", "officer"]);
        after.GetProperty("replyDueAt").ValueKind.ShouldBe(JsonValueKind.Null);
        var employerId = await UserIdAsync(app, Demo.Employer);
        (await NotificationsAsync(app, employerId, "support.message_to_applicant", id)).ShouldNotBeEmpty();
        (await officer.GetStringAsync("/permits/queue")).ShouldNotContain($"href=\"/support/permit-application/{id}\"");

        // The page shows the same conversation.
        var page = await employer.GetStringAsync($"/support/permit-application/{id}?culture=en");
        page.ShouldContain("A notarised Russian or Kazakh translation, please.");
        page.ShouldContain("diploma.pdf");

        // Reads are audited as reads of personal data.
        var reads = await app.WithDbAsync(db => db.Set<AuditEntry>().AsNoTracking()
            .CountAsync(e => e.Type == "support.conversation_read" && e.EntityId == id.ToString()));
        reads.ShouldBeGreaterThanOrEqualTo(3);
        (await app.WithDbAsync(db => db.Set<AuditEntry>().AsNoTracking()
            .CountAsync(e => e.Type == "support.attachment_read" && e.EntityId == id.ToString()))).ShouldBe(1);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Who_sees_the_conversation_is_who_sees_the_case(Provider provider)
    {
        var app = await apps.For(provider);
        var id = await SubmitAsync(app);
        using (var employer = await app.As(Demo.Employer))
            (await employer.PostAsJsonAsync(Messages(id), new { body = "Hello" })).StatusCode.ShouldBe(HttpStatusCode.Created);

        using (var otherRegion = await app.As(Demo.OfficerAstana))
        {
            await (await otherRegion.GetAsync(Messages(id))).ShouldBeProblem(HttpStatusCode.NotFound);
            await (await otherRegion.PostAsJsonAsync(Messages(id), new { body = "Hi" })).ShouldBeProblem(HttpStatusCode.NotFound);
        }
        using (var inspector = await app.As(Demo.InspectorKaraganda))
        {
            var read = await inspector.GetFromJsonAsync<JsonElement>(Messages(id));
            read.GetProperty("mayWrite").GetBoolean().ShouldBeFalse();
            read.GetProperty("messages").GetArrayLength().ShouldBe(1);
            await (await inspector.PostAsJsonAsync(Messages(id), new { body = "Hi" })).ShouldBeProblem(HttpStatusCode.Forbidden);
        }
        using (var analyst = await app.As(Demo.Analyst))
            await (await analyst.GetAsync(Messages(id))).ShouldBeProblem(HttpStatusCode.Forbidden);
        using (var admin = await app.As(Demo.Admin))
        {
            await (await admin.GetAsync($"/api/v1/cases/kandas/{id}/messages")).ShouldBeProblem(HttpStatusCode.NotFound);
            await (await admin.GetAsync("/api/v1/cases/permit-application/not-a-case/messages")).ShouldBeProblem(HttpStatusCode.NotFound);
            await (await admin.GetAsync($"/api/v1/cases/permit-application/{id}/attachments/{Guid.NewGuid()}")).ShouldBeProblem(HttpStatusCode.NotFound);
        }
    }

    static string Json(object body) => JsonSerializer.Serialize(body);

    static object File(string name, string type, byte[] content) => new { fileName = name, contentType = type, content = Convert.ToBase64String(content) };

    /// <summary>The field each bad message is refused for, and the message as JSON.</summary>
    public static TheoryData<string, string> BadMessages => new()
    {
        { "body", Json(new { body = "  " }) },
        { "attachments[0]", Json(new { body = "x", attachments = new[] { File("photo.png", "image/png", Pdf) } }) },
        { "attachments[0]", Json(new { body = "x", attachments = new[] { File("tool.exe", "application/x-msdownload", Pdf) } }) },
        { "attachments[0]", Json(new { body = "x", attachments = new[] { File("../etc/passwd", "text/plain", "root"u8.ToArray()) } }) },
        { "attachments[0]", Json(new { body = "x", attachments = new[] { File("big.pdf", "application/pdf", [.. Pdf, .. new byte[600 * 1024]]) } }) },
        { "attachments", Json(new { body = "x", attachments = Enumerable.Range(0, 4).Select(i => File($"n{i}.txt", "text/plain", "note"u8.ToArray())).ToArray() }) },
    };

    [Theory, OnSqlite(nameof(BadMessages)), OnPostgres(nameof(BadMessages))]
    public async Task A_message_outside_the_limits_is_refused_naming_the_field(Provider provider, string field, string body)
    {
        var app = await apps.For(provider);
        var id = await SubmitAsync(app);
        using var employer = await app.As(Demo.Employer);
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        var problem = await (await employer.PostAsync(Messages(id), content)).ShouldBeProblem(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(problem.ToString());
        (await employer.GetFromJsonAsync<JsonElement>(Messages(id))).GetProperty("messages").GetArrayLength().ShouldBe(0);
    }
}
