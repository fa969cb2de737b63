using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using static Qonys.BrowserTests.Infrastructure.UiText;

namespace Qonys.BrowserTests.Support;

/// <summary>
/// Online support as people use it: the employer writes on its case with a file, the Karaganda officer finds the reply
/// deadline in the queue, opens the conversation, downloads nothing it need not, and answers; the employer then sets
/// its notification channels and language.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SupportConversationBrowserTests(BrowserApp browser)
{
    /// <summary>A submitted application of the demo employer in Karaganda, category 2 (the quota made room for it).</summary>
    async Task<Guid> SubmittedCaseAsync()
    {
        var app = browser.App;
        var today = app.Clock.Today;
        using var admin = await app.As(Demo.Admin);
        var ledger = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/quotas?year={today.Year}&regionCode=KZ-35&category=2");
        var committed = ledger.GetArrayLength() == 0 ? 0 : ledger[0].GetProperty("reserved").GetInt32() + ledger[0].GetProperty("used").GetInt32();
        (await admin.PutAsJsonAsync($"/api/v1/quotas/{today.Year}/KZ-35/2", new { cap = committed + 10, reason = "support browser test" })).EnsureSuccessStatusCode();
        using var employer = await app.As(Demo.Employer);
        var response = await employer.PostAsJsonAsync("/api/v1/permit-applications", new
        {
            employerBin = Qonys.Web.Platform.Demo.DemoAccounts.DemoEmployerBin, regionCode = "KZ-35", category = "2", occupationCode = "1323",
            okedSection = "F", workerCount = 1, months = 12, monthlySalaryKzt = 5_000_000,
            vacancyPublishedOn = today.AddDays(-30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            workers = new[] { new { fullName = "Ли Вэй", passportNumber = "E" + Random.Shared.Next(10_000_000, 99_999_999), citizenship = "CN", birthDate = "1990-05-01", education = "bachelor" } },
        });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.EnsureSuccessStatusCode();
        return body.GetProperty("id").GetGuid();
    }

    [ChromiumFact]
    public async Task The_employer_writes_with_a_file_the_officer_sees_the_deadline_in_the_queue_and_answers()
    {
        var id = await SubmittedCaseAsync();

        // 1. The employer opens the conversation from its case page and writes with a PDF attached (no JavaScript needed).
        var employer = await browser.NewPageAsync(javaScript: false);
        await SignIn.AsAsync(employer, Demo.Employer);
        await employer.GotoAsync($"/permits/applications/{id}");
        await employer.GetByTestId("case-conversation").ClickAsync();
        await Expect(employer.GetByTestId("no-messages")).ToBeVisibleAsync();
        await employer.GetByLabel(En("support.field.body"), new() { Exact = true }).FillAsync("Which translation of the diploma do you need?");
        await employer.Locator("#files").SetInputFilesAsync(new FilePayload
        {
            Name = "diploma.pdf", MimeType = "application/pdf", Buffer = Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF\n"),
        });
        await employer.GetByRole(AriaRole.Button, new() { Name = En("support.send") }).ClickAsync();
        await Expect(employer.GetByTestId("sent")).ToBeVisibleAsync();
        await Expect(employer.GetByTestId("message")).ToHaveCountAsync(1);
        await Expect(employer.GetByTestId("attachment")).ToHaveTextAsync("diploma.pdf");
        await Expect(employer.GetByTestId("reply-due")).ToContainTextAsync(En("support.reply_due"));
        await Screenshots.SaveAsync(employer, "support", "1-employer-wrote");

        // 2. The officer sees the reply deadline in the queue and answers from the conversation.
        var officer = await browser.NewPageAsync();
        await SignIn.AsAsync(officer, Demo.OfficerKaraganda);
        await officer.GotoAsync("/permits/queue");
        var link = officer.Locator($"a[href='/support/permit-application/{id}']");
        await Expect(link).ToBeVisibleAsync();
        await Screenshots.SaveAsync(officer, "support", "2-officer-queue");
        await link.ClickAsync();
        await Expect(officer.GetByTestId("message")).ToContainTextAsync("Which translation of the diploma do you need?");
        await officer.GetByLabel(En("support.field.body"), new() { Exact = true }).FillAsync("A notarised translation into Kazakh or Russian.");
        await officer.GetByRole(AriaRole.Button, new() { Name = En("support.send") }).ClickAsync();
        await Expect(officer.GetByTestId("message")).ToHaveCountAsync(2);
        await Expect(officer.GetByTestId("reply-due")).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(officer, "support", "3-officer-answered");

        // 3. The employer chooses SMS and Russian for its notifications.
        await employer.GotoAsync("/notifications/preferences");
        await employer.GetByLabel(En("preferences.field.smsEnabled"), new() { Exact = true }).CheckAsync();
        await employer.GetByLabel(En("preferences.field.phone")).FillAsync("+77011234567");
        await employer.GetByLabel(En("preferences.field.language")).SelectOptionAsync("ru");
        await employer.GetByRole(AriaRole.Button, new() { Name = En("preferences.save") }).ClickAsync();
        await Expect(employer.GetByTestId("saved")).ToBeVisibleAsync();
        await Expect(employer.GetByLabel(En("preferences.field.phone"))).ToHaveValueAsync("+77011234567");
        await Screenshots.SaveAsync(employer, "support", "4-preferences");
        // Restore the demo account's defaults for the tests after this one.
        using var client = await browser.App.As(Demo.Employer);
        (await client.PutAsJsonAsync("/api/v1/notifications/preferences", new { emailEnabled = true, smsEnabled = false, language = (string?)null }))
            .EnsureSuccessStatusCode();
    }
}
