using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Qonys.IntegrationTests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static Qonys.BrowserTests.Infrastructure.UiText;

namespace Qonys.BrowserTests.Permits;

/// <summary>
/// The permit lifecycle as people do it in the browser: an administrator sets the quota on the quota page, the employer
/// fills the application, checks it and submits it, the Karaganda officer finds it in the queue, reads the checks and the
/// permit-assessment breakdown and approves it, the employer pays the fee, sees the permit and its public verification.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PermitLifecycleTests(BrowserApp browser)
{
    [ChromiumFact]
    public async Task Employer_applies_officer_approves_employer_pays_and_verifies_the_permit()
    {
        var today = browser.App.Clock.Today; // the server's today

        // 1. The administrator sets a cap of 5 places for Karaganda, category 3, on the quota page.
        var admin = await browser.NewPageAsync();
        await SignIn.AsAsync(admin, Demo.Admin);
        await admin.GotoAsync("/quotas");
        var setCap = admin.GetByTestId("set-cap");
        await setCap.GetByLabel(En("permits.field.regionCode")).SelectOptionAsync("KZ-35");
        await setCap.GetByLabel(En("permits.field.category")).SelectOptionAsync("3");
        await setCap.GetByLabel(En("permits.quota.cap")).FillAsync("5");
        await setCap.GetByLabel(En("permits.field.reason") + " " + En("form.required_mark")).FillAsync("Browser test: Karaganda specialists");
        await setCap.GetByRole(AriaRole.Button, new() { Name = En("permits.quota.set") }).ClickAsync();
        await Expect(admin.GetByTestId("saved")).ToBeVisibleAsync();
        var row = admin.Locator("[data-testid=quota-row][data-region='KZ-35'][data-category='3']");
        await Expect(row.GetByTestId("quota-available")).ToHaveTextAsync("5");

        // 2. The employer fills the application for one worker, checks it: every check and the fee are shown.
        //    The employer's browser runs no JavaScript: every form of the journey is a plain POST and redirect.
        var employer = await browser.NewPageAsync(javaScript: false);
        await SignIn.AsAsync(employer, Demo.Employer);
        await employer.GotoAsync("/permits/apply");
        await Expect(employer.GetByLabel(En("permits.field.regionCode"))).ToHaveValueAsync("KZ-35");
        await employer.GetByLabel(En("permits.field.category")).SelectOptionAsync("3");
        await employer.GetByLabel(En("permits.field.occupationCode")).SelectOptionAsync("2142");
        await employer.GetByLabel(En("permits.field.okedSection")).SelectOptionAsync("F");
        await employer.GetByLabel(En("permits.field.workerCount")).FillAsync("1");
        await employer.GetByLabel(En("permits.field.months")).FillAsync("12");
        await employer.GetByLabel(En("permits.field.monthlySalaryKzt")).FillAsync("650000");
        await employer.GetByLabel(En("permits.field.vacancyPublishedOn")).FillAsync(today.AddDays(-30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var worker = employer.GetByTestId("worker").First;
        await worker.GetByLabel(En("permits.field.fullName")).FillAsync("Aziz Karimov");
        await worker.GetByLabel(En("permits.field.passportNumber")).FillAsync("FA1234567");
        await worker.GetByLabel(En("permits.field.citizenship")).SelectOptionAsync("UZ");
        await worker.GetByLabel(En("permits.field.birthDate")).FillAsync("1988-04-12");
        await worker.GetByLabel(En("permits.field.education")).SelectOptionAsync("master");
        await employer.GetByTestId("check").ClickAsync();
        await Expect(employer.GetByTestId("preview-verdict")).ToHaveTextAsync(En("permits.preview.all_passed"));
        await Expect(employer.GetByTestId("check-quota")).ToContainTextAsync(En("permits.outcome.passed"));
        await Expect(employer.GetByTestId("check-local_content")).ToContainTextAsync(En("permits.outcome.passed"));
        await Expect(employer.GetByTestId("check-ict_share")).ToContainTextAsync(En("permits.outcome.not_applicable"));
        await Expect(employer.GetByTestId("fee")).ToContainTextAsync("MCI");
        await Screenshots.SaveAsync(employer, "permits", "apply-checked");

        // 3. Submitting files the application and opens its case page.
        await employer.GetByTestId("submit").ClickAsync();
        await Expect(employer).ToHaveURLAsync(new Regex("/permits/applications/[0-9a-f-]{36}"));
        await Expect(employer.GetByTestId("case-status")).ToHaveTextAsync(En("permits.status.submitted"));
        await Expect(employer.GetByTestId("scorecard")).ToHaveCountAsync(0);
        var caseUrl = new Uri(employer.Url).AbsolutePath;

        // The administrator's queue covers every region and filters by one. Other tests share the app: look for this case's row.
        ILocator CaseRow(IPage page) => page.GetByTestId("queue-row").Filter(new() { Has = page.Locator($"[data-testid=open-case][href='{caseUrl}']") });
        await admin.GotoAsync("/permits/queue");
        await Expect(CaseRow(admin)).ToHaveCountAsync(1);
        await admin.GotoAsync("/permits/queue?region=KZ-71");
        await Expect(admin.GetByTestId("queue").Or(admin.GetByTestId("queue-empty"))).ToBeVisibleAsync();
        await Expect(CaseRow(admin)).ToHaveCountAsync(0);

        // 4. The Karaganda officer finds it in the queue, sees the checks and the scorecard breakdown, and approves.
        var officer = await browser.NewPageAsync();
        await SignIn.AsAsync(officer, Demo.OfficerKaraganda);
        await officer.GotoAsync("/permits/queue");
        await Expect(CaseRow(officer)).ToHaveCountAsync(1);
        await CaseRow(officer).GetByTestId("open-case").ClickAsync();
        await Expect(officer).ToHaveURLAsync(new Regex(Regex.Escape(caseUrl) + "$"));
        var scorecard = officer.GetByTestId("scorecard");
        await Expect(scorecard).ToBeVisibleAsync();
        // Master's degree: 20; occupation 2142 is on the in-demand list: 20; the demo firm's staff (generated demo set) are 351 citizens of 358 (98.0 %): 20.
        // Salary 650,000 against the KZ-35 group-2 average of 286,236 (log-normal, σ = 0.6):
        // z = (ln(650000 / 286236) + 0.18) / 0.6 = (0.8201 + 0.18) / 0.6 = 1.6669, Φ(z) = 0.9522 → 95.2nd percentile: 20 points.
        await Expect(scorecard.GetByTestId("score-salary")).ToContainTextAsync("95.2");
        await Expect(scorecard.GetByTestId("score-qualification")).ToContainTextAsync("20");
        await Expect(scorecard.GetByTestId("score-shortage")).ToContainTextAsync("20");
        await Expect(scorecard.GetByTestId("score-citizenShare")).ToContainTextAsync("citizenSharePct = 98");
        // The firm's earlier demo permits have all expired, so no current foreign permits: nationality share 0 % → 20. Total 5 × 20 = 100, above the pass mark of 40.
        await Expect(scorecard.GetByTestId("score-total")).ToHaveTextAsync("100");
        await Expect(scorecard.GetByTestId("score-verdict")).ToHaveTextAsync(En("permits.score.passed"));
        await Screenshots.SaveAsync(officer, "permits", "case-officer");
        await officer.GetByTestId("action-approve").GetByRole(AriaRole.Button).ClickAsync();
        await Expect(officer.GetByTestId("done")).ToHaveTextAsync(En("permits.done.approve"));
        await Expect(officer.GetByTestId("case-status")).ToHaveTextAsync(En("permits.status.approved"));
        await officer.GotoAsync("/permits/queue");
        await Expect(officer.GetByTestId("queue").Or(officer.GetByTestId("queue-empty"))).ToBeVisibleAsync();
        await Expect(CaseRow(officer)).ToHaveCountAsync(0);
        // The same case in Kazakh: the status and the labels follow the language.
        await officer.GotoAsync(caseUrl + "?culture=kk");
        await Expect(officer.GetByTestId("case-status")).ToHaveTextAsync(Get("permits.status.approved", "kk"));
        await Screenshots.SaveAsync(officer, "permits", "case-approved-kk");

        // 5. The employer pays the fee through the demo payment gateway, whose payment_received event makes the permit
        //    active; its public page says it is valid.
        await employer.GotoAsync(caseUrl);
        await Expect(employer.GetByTestId("case-status")).ToHaveTextAsync(En("permits.status.approved"));
        await employer.GetByTestId("action-pay").GetByRole(AriaRole.Button).ClickAsync();
        await Expect(employer.GetByTestId("case-status")).ToHaveTextAsync(En("permits.status.fee_paid"));
        await employer.GotoAsync("/permits");
        // This case's permit (its number links to the case) is listed as active.
        var active = employer.GetByTestId("permit-row")
            .Filter(new() { Has = employer.Locator($"a[href='{caseUrl}']") })
            .Filter(new() { Has = employer.GetByTestId("permit-status").Filter(new() { HasText = En("permits.permit_status.active") }) });
        await Expect(active).ToHaveCountAsync(1);
        await Screenshots.SaveAsync(employer, "permits", "employer-list");
        await active.GetByTestId("verify-link").ClickAsync();
        await Expect(employer.GetByTestId("verify-verdict")).ToHaveTextAsync(En("permits.verify.valid"));
        var verifyUrl = new Uri(employer.Url).AbsolutePath;

        // 6. Anyone, signed in or not, sees the same verdict and no worker's name.
        var anonymous = await browser.NewPageAsync(width: 390, height: 844);
        await anonymous.GotoAsync(verifyUrl + "?culture=en");
        await Expect(anonymous.GetByTestId("verify-verdict")).ToHaveTextAsync(En("permits.verify.valid"));
        await Expect(anonymous.GetByTestId("verify-employer")).ToHaveTextAsync("TOO Qaragandy Qurylys (demo)");
        (await anonymous.ContentAsync()).ShouldNotContain("Karimov");
        await Screenshots.SaveAsync(anonymous, "permits", "verify-phone");

        // 7. The quota page shows the place as used, and a cap below it is refused with its reason.
        await admin.GotoAsync("/quotas");
        await Expect(row.Locator("td").Nth(3)).ToHaveTextAsync("1");
        await row.GetByLabel(En("permits.quota.cap")).FillAsync("0");
        await row.GetByLabel(En("permits.field.reason")).FillAsync("Browser test: below the used places");
        await row.GetByRole(AriaRole.Button, new() { Name = En("permits.quota.revise") }).ClickAsync();
        await Expect(admin.GetByTestId("error-summary")).ToContainTextAsync(En("permits.refused"));
        await Screenshots.SaveAsync(admin, "permits", "quotas");
    }

    [ChromiumFact]
    public async Task An_incomplete_application_lists_each_error_linked_to_its_field()
    {
        var employer = await browser.NewPageAsync();
        await SignIn.AsAsync(employer, Demo.Employer);
        await employer.GotoAsync("/permits/apply");
        await employer.GetByLabel(En("permits.field.monthlySalaryKzt")).FillAsync("-5");
        await employer.GetByTestId("check").ClickAsync();
        var summary = employer.GetByTestId("error-summary");
        await Expect(summary).ToBeFocusedAsync();
        await Expect(summary.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^" + Regex.Escape(En("permits.field.occupationCode")) + ":") })).ToHaveAttributeAsync("href", "#occupationCode");
        await Expect(summary.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^" + Regex.Escape(En("permits.field.monthlySalaryKzt")) + ":") })).ToBeVisibleAsync();
        await Expect(employer.GetByLabel(En("permits.field.monthlySalaryKzt"))).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(summary.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^" + Regex.Escape(En("permits.worker_n", 1) + " · " + En("permits.field.fullName"))) }))
            .ToHaveAttributeAsync("href", "#workers-0-fullName");
        await Screenshots.SaveAsync(employer, "permits", "apply-errors");

        // Worker blocks are added and removed by posting the form: no script needed, what was typed stays.
        await employer.GetByTestId("add-worker").ClickAsync();
        await Expect(employer.GetByTestId("worker")).ToHaveCountAsync(2);
        await Expect(employer.GetByLabel(En("permits.field.workerCount"))).ToHaveValueAsync("2");
        await Expect(employer.GetByLabel(En("permits.field.monthlySalaryKzt"))).ToHaveValueAsync("-5");
        await employer.GetByRole(AriaRole.Button, new() { Name = En("permits.apply.remove_worker", 2) }).ClickAsync();
        await Expect(employer.GetByTestId("worker")).ToHaveCountAsync(1);
        await Expect(employer.GetByLabel(En("permits.field.workerCount"))).ToHaveValueAsync("1");
    }
}
