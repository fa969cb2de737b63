namespace Qonys.BrowserTests.AnalyticalCentre;

/// <summary>
/// An analyst creates a policy scenario (families resettled from Turkistan to North Kazakhstan), runs it for the country
/// and the regions, sees the summary figure, the animated pyramid and the regional map drawn, and downloads the Excel
/// export; then the forecast and labour-deficit pages. Screenshots: artifacts/screenshots/analytics-*.png.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AnalystProjectionTests(BrowserApp browser)
{
    [ChromiumFact]
    public async Task An_analyst_runs_a_policy_scenario_sees_pyramid_and_map_and_downloads_the_Excel_export()
    {
        var page = await browser.NewPageAsync();
        await SignIn.AsAsync(page, "analyst@demo.qonys.kz");

        await page.GotoAsync("/analytics/scenarios?culture=en");
        var name = "North resettlement " + Guid.NewGuid().ToString("N")[..6];
        await page.GetByTestId("scenario-name").FillAsync(name);
        await page.GetByTestId("scenario-from").SelectOptionAsync("KZ-61");
        await page.GetByTestId("scenario-to").SelectOptionAsync("KZ-59");
        await page.GetByTestId("scenario-families").FillAsync("5000");
        await Screenshots.SaveAsync(page, "analytics", "1-scenario-form");
        await page.GetByTestId("scenario-save").ClickAsync();

        // Saving leads to the projections page with the new scenario chosen.
        await Expect(page).ToHaveURLAsync(new Regex("/analytics/projections\\?scenario="));
        var scenario = page.GetByTestId("scenario");
        await Expect(scenario.Locator("option:checked")).ToContainTextAsync(name);
        await page.GetByTestId("horizon").SelectOptionAsync("2040");
        await page.GetByTestId("trajectories").FillAsync("0");
        await page.GetByTestId("run").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/analytics/projections\\?run="));
        var summary = page.GetByTestId("projection-summary");
        await Expect(summary).ToBeVisibleAsync();
        // docs/demography.md §10: about 24.1 million on 1 January 2040; the resettlement moves people within the country.
        await Expect(summary).ToHaveTextAsync(new Regex(@"^24[,.\s\u00a0]1\d\d[,.\s\u00a0]\d{3}$"));
        await Expect(page.GetByTestId("selected-run")).ToContainTextAsync(name);

        await Expect(page.GetByTestId("chart-pyramid").Locator("canvas")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("chart-pyramid")).ToHaveAttributeAsync("data-rendered", "true");
        await Expect(page.GetByTestId("chart-map")).ToHaveAttributeAsync("data-rendered", "true");
        await Expect(page.GetByTestId("chart-map").Locator("canvas")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("chart-total").Locator("canvas")).ToHaveCountAsync(1);
        // The map's figures: North Kazakhstan's projected change with 5,000 families a year arriving.
        var north = page.GetByTestId("regional-change").Locator("tr[data-region='KZ-59'] td").Last;
        var northChange = double.Parse((await north.TextContentAsync())!.Trim(), System.Globalization.CultureInfo.InvariantCulture);
        // Baseline North Kazakhstan falls from 567 to 490 thousand by 2040 (−13.6 %); 5,000 families of 4 a year for
        // 2026–2035 add about 200 thousand, so the region grows instead.
        northChange.ShouldBeGreaterThan(0);
        await page.WaitForTimeoutAsync(1500); // let the pyramid timeline animate a few years for the screenshot
        await Screenshots.SaveAsync(page, "analytics", "2-projection");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("download-xlsx").ClickAsync());
        download.SuggestedFilename.ShouldEndWith(".xlsx");
        var path = await download.PathAsync();
        var head = new byte[2];
        await using (var file = File.OpenRead(path!)) (await file.ReadAsync(head)).ShouldBe(2);
        head.ShouldBe("PK"u8.ToArray());

        await page.GotoAsync("/analytics/forecasts?series=internal-arrivals-KZ-59&horizon=12");
        await Expect(page.GetByTestId("chart-forecast")).ToHaveAttributeAsync("data-rendered", "true");
        await Expect(page.GetByTestId("backtest").Locator("tbody tr")).ToHaveCountAsync(6);
        // The centre's section menu joins Demography's and Forecasts' links in their places and marks the page shown.
        var sectionMenu = page.Locator("nav.subnav a");
        await Expect(sectionMenu).ToHaveCountAsync(4);
        (await sectionMenu.EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"))
            .ShouldBe(["/analytics/projections", "/analytics/scenarios", "/analytics/forecasts", "/analytics/labour-deficit"]);
        await Expect(page.Locator("nav.subnav a[aria-current='page']")).ToHaveAttributeAsync("href", "/analytics/forecasts");
        await Screenshots.SaveAsync(page, "analytics", "3-forecasts");

        await page.GotoAsync("/analytics/labour-deficit");
        await Expect(page.GetByTestId("deficit-map")).ToHaveAttributeAsync("data-rendered", "true");
        await Expect(page.GetByTestId("deficit-table").Locator("tbody tr")).ToHaveCountAsync(20);
        await Expect(page.GetByTestId("scorecard-version")).ToContainTextAsync("region-labour-deficit");
        await Screenshots.SaveAsync(page, "analytics", "4-labour-deficit");
        await page.Context.CloseAsync();
    }
}
