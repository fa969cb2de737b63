namespace Qonys.BrowserTests.Permits;

/// <summary>
/// The module's dashboard (/analytics/foreign-workers) shows the published figures from the demo data: an analyst
/// sees the 2025-03-01 foreign workers by category, citizenship and OKED section and the household labour immigrants
/// of 2025-10-01; the Karaganda officer sees the own region only. Expected values are copied from
/// data/published-figures.csv. Screenshots: artifacts/screenshots/workers-*.png.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class WorkersOnDateTests(BrowserApp browser)
{
    static string N(int n) => n.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("en"));

    static async Task ShowAsync(IPage page, string date)
    {
        await page.GetByTestId("workers-date").FillAsync(date);
        await page.GetByTestId("workers-show").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("date=" + date));
    }

    static ILocator Count(IPage page, string table, string key) =>
        page.GetByTestId(table).Locator($"tr[data-key='{key}'] td").Nth(1);

    [ChromiumFact]
    public async Task An_analyst_sees_the_published_figures_and_an_officer_only_the_own_region()
    {
        var page = await browser.NewPageAsync();
        await SignIn.AsAsync(page, "analyst@demo.qonys.kz");
        await page.GetByRole(AriaRole.Link, new() { Name = UiText.En("nav.workers"), Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = UiText.En("workers.title") })).ToBeVisibleAsync();

        await ShowAsync(page, "2025-03-01");
        await Expect(page.GetByTestId("foreign-total")).ToHaveTextAsync(N(13584));
        await Expect(page.GetByTestId("employers-total")).ToHaveTextAsync(N(1744));
        foreach (var (category, count) in new[] { ("1", 569), ("2", 2514), ("3", 4711), ("4", 1010), ("seasonal", 1217), ("ict", 3563) })
            await Expect(Count(page, "foreign-by-category", category)).ToHaveTextAsync(N(count));
        foreach (var (country, count) in new[] { ("CN", 4945), ("IN", 1169), ("TR", 1165), ("UZ", 1056) })
            await Expect(Count(page, "foreign-by-citizenship", country)).ToHaveTextAsync(N(count));
        foreach (var (section, count) in new[] { ("F", 5052), ("A", 1296), ("C", 1281), ("B", 1263), ("N", 975) })
            await Expect(Count(page, "foreign-by-okedSection", section)).ToHaveTextAsync(N(count));
        // Names come from the classifiers: China's row reads "China CN".
        await Expect(page.GetByTestId("foreign-by-citizenship").Locator("tr[data-key='CN'] td").First).ToContainTextAsync("China");
        await Screenshots.SaveAsync(page, "workers", "1-analyst-2025-03-01");

        await ShowAsync(page, "2025-10-01");
        await Expect(page.GetByTestId("household-total")).ToHaveTextAsync(N(132500));
        await Expect(Count(page, "household-by-citizenship", "UZ")).ToHaveTextAsync(N(124100));
        await Screenshots.SaveAsync(page, "workers", "2-analyst-household-2025-10-01");

        // A date that is not one: the query's own message, no figures.
        await page.GotoAsync("/analytics/foreign-workers?date=2025-13-01&culture=en");
        await Expect(page.GetByTestId("workers-problem")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("foreign-total")).ToHaveCountAsync(0);

        var officer = await browser.NewPageAsync();
        await SignIn.AsAsync(officer, "officer.karaganda@demo.qonys.kz");
        await officer.GotoAsync("/analytics/foreign-workers?date=2025-03-01&culture=en");
        var regions = officer.GetByTestId("foreign-by-region").Locator("tbody tr");
        await Expect(regions).ToHaveCountAsync(1);
        await Expect(regions.First).ToHaveAttributeAsync("data-key", "KZ-35");
        var own = int.Parse((await Count(officer, "foreign-by-region", "KZ-35").TextContentAsync())!.Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture);
        await Expect(officer.GetByTestId("foreign-total")).ToHaveTextAsync(N(own));
        own.ShouldBeLessThan(13584);
        await Screenshots.SaveAsync(officer, "workers", "3-officer-own-region");
    }
}
