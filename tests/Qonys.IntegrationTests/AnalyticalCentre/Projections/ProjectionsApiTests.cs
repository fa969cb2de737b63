using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Qonys.IntegrationTests.AnalyticalCentre.Projections;

/// <summary>
/// API.md "Demography" over HTTP on both databases: runs, their status, series, pyramids, cancel and exports.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed class ProjectionsApiTests(Apps apps)
{
    const string Projections = "/api/v1/demography/projections";

    [Theory, OnSqlite, OnPostgres]
    public async Task A_deterministic_run_is_created_at_once_with_persons_on_1_January_and_fractions(Provider provider)
    {
        var app = await apps.For(provider);
        using var analyst = await app.As(Demo.Analyst);

        var created = await analyst.PostAsJsonAsync(Projections, new { scenario = "baseline", horizonYear = 2030, regions = "national", trajectories = 0 });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        created.Headers.Location!.ToString().ShouldBe($"{Projections}/{id}");

        var run = await analyst.GetFromJsonAsync<JsonElement>($"{Projections}/{id}");
        run.GetProperty("status").GetString().ShouldBe("done");
        run.GetProperty("scenario").GetString().ShouldBe("baseline");
        run.GetProperty("progress").GetDouble().ShouldBe(100);
        var series = run.GetProperty("series").EnumerateArray().ToList();
        // National only, 1 January 2026 … 2030: five rows.
        series.Select(s => s.GetProperty("regionCode").GetString()).Distinct().ShouldBe(["KZ"]);
        series.Select(s => s.GetProperty("year").GetInt32()).ShouldBe([2026, 2027, 2028, 2029, 2030]);
        // docs/demography.md §10: the base is 20,967.1 thousand on 1 January 2026, so in persons about 20.97 million
        // (a figure in thousands would be 20967; a share in per cent would be 57.3).
        var first = series[0];
        first.GetProperty("total").GetDouble().ShouldBe(20_967_100, 1_000);
        (first.GetProperty("male").GetDouble() + first.GetProperty("female").GetDouble()).ShouldBe(first.GetProperty("total").GetDouble(), 1);
        first.GetProperty("workingAgeShare").GetDouble().ShouldBe(0.573, 0.001);
        first.GetProperty("aboveWorkingAgeShare").GetDouble().ShouldBe(0.119, 0.001);
        var q = series[^1].GetProperty("quantiles");
        var total2030 = series[^1].GetProperty("total").GetDouble();
        total2030.ShouldBe(21_892_000, 1_000);
        // A deterministic run is a one-point distribution: every quantile equals the total.
        q.GetProperty("p10").GetDouble().ShouldBe(total2030);
        q.GetProperty("p90").GetDouble().ShouldBe(total2030);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Invalid_requests_are_400_naming_the_field(Provider provider)
    {
        var app = await apps.For(provider);
        using var analyst = await app.As(Demo.Analyst);

        await ShouldNameFieldAsync(await analyst.PostAsJsonAsync(Projections, new { scenario = "baseline", horizonYear = 2020, regions = "national", trajectories = 0 }), "horizonYear");
        await ShouldNameFieldAsync(await analyst.PostAsJsonAsync(Projections, new { scenario = "no-such-scenario", horizonYear = 2030, regions = "national", trajectories = 0 }), "scenario");
        await ShouldNameFieldAsync(await analyst.PostAsJsonAsync(Projections, new { scenario = "baseline", horizonYear = 2030, regions = "some", trajectories = 0 }), "regions");
        await ShouldNameFieldAsync(await analyst.PostAsJsonAsync(Projections, new { scenario = "baseline", horizonYear = 2030, regions = "all", trajectories = -1 }), "trajectories");
        await ShouldNameFieldAsync(await analyst.PostAsJsonAsync(Projections, new { scenario = "baseline", horizonYear = 2030, baseYear = 2031 }), "baseYear");
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Employers_and_officers_may_not_run_or_read_projections(Provider provider)
    {
        var app = await apps.For(provider);
        foreach (var email in new[] { Demo.Employer, Demo.OfficerKaraganda })
        {
            using var client = await app.As(email);
            (await client.PostAsJsonAsync(Projections, new { scenario = "baseline", horizonYear = 2030, regions = "national", trajectories = 0 }))
                .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await client.GetAsync(Projections)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await client.GetAsync("/api/v1/demography/labour-deficit-index")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await client.GetAsync("/api/v1/forecasts/series")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }
        using var admin = await app.As(Demo.Admin);
        (await admin.PostAsJsonAsync(Projections, new { scenario = "low", horizonYear = 2027, regions = "national", trajectories = 0 }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_probabilistic_run_is_queued_with_202_then_polled_to_done_with_quantiles(Provider provider)
    {
        var app = await apps.For(provider);
        using var analyst = await app.As(Demo.Analyst);

        var accepted = await analyst.PostAsJsonAsync(Projections, new { scenario = "baseline", horizonYear = 2035, regions = "all", trajectories = 20 });
        accepted.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var body = await accepted.Content.ReadFromJsonAsync<JsonElement>();
        var statusUrl = body.GetProperty("statusUrl").GetString()!;
        accepted.Headers.Location!.ToString().ShouldBe(statusUrl);

        var run = await PollUntilFinalAsync(analyst, statusUrl);
        run.GetProperty("status").GetString().ShouldBe("done");
        run.GetProperty("progress").GetDouble().ShouldBe(100);
        run.GetProperty("trajectories").GetInt32().ShouldBe(20);
        var series = run.GetProperty("series").EnumerateArray().ToList();
        // The nation and the 20 regions, 1 January 2026 … 2035.
        series.Count.ShouldBe(21 * 10);
        series.Select(s => s.GetProperty("regionCode").GetString()).ShouldContain("KZ-35");
        var kz2035 = series.Single(s => s.GetProperty("regionCode").GetString() == "KZ" && s.GetProperty("year").GetInt32() == 2035);
        var q = kz2035.GetProperty("quantiles");
        q.GetProperty("p10").GetDouble().ShouldBeLessThan(q.GetProperty("p50").GetDouble());
        q.GetProperty("p50").GetDouble().ShouldBeLessThan(q.GetProperty("p90").GetDouble());
        // The regions add up to the nation (engine constraint), in persons to rounding.
        var regions2035 = series.Where(s => s.GetProperty("regionCode").GetString() != "KZ" && s.GetProperty("year").GetInt32() == 2035)
            .Sum(s => s.GetProperty("total").GetDouble());
        regions2035.ShouldBe(kz2035.GetProperty("total").GetDouble(), 25);

        // Reopened later from the list.
        var list = await analyst.GetFromJsonAsync<JsonElement>($"{Projections}?pageSize=500");
        list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()).ShouldContain(body.GetProperty("id").GetString());
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_long_run_can_be_cancelled_and_a_finished_run_cannot(Provider provider)
    {
        var app = await apps.For(provider);
        using var analyst = await app.As(Demo.Analyst);
        var accepted = await analyst.PostAsJsonAsync(Projections, new { scenario = "high", horizonYear = 2050, regions = "all", trajectories = 2000 });
        accepted.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var id = (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        var cancel = await analyst.PostAsync($"{Projections}/{id}/cancel", null);
        cancel.StatusCode.ShouldBe(HttpStatusCode.OK);
        var run = await PollUntilFinalAsync(analyst, $"{Projections}/{id}");
        run.GetProperty("status").GetString().ShouldBe("cancelled");
        run.GetProperty("series").GetArrayLength().ShouldBe(0);

        (await analyst.PostAsync($"{Projections}/{id}/cancel", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await analyst.GetAsync($"{Projections}/{id}/export.csv")).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await analyst.PostAsync($"{Projections}/{Guid.NewGuid()}/cancel", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Pyramids_add_up_to_the_series_and_exports_are_csv_and_xlsx(Provider provider)
    {
        var app = await apps.For(provider);
        using var analyst = await app.As(Demo.Analyst);
        var created = await analyst.PostAsJsonAsync(Projections, new { scenario = "zero-migration", horizonYear = 2030, regions = "all", trajectories = 0 });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var run = await analyst.GetFromJsonAsync<JsonElement>($"{Projections}/{id}");
        var karaganda2030 = run.GetProperty("series").EnumerateArray()
            .Single(s => s.GetProperty("regionCode").GetString() == "KZ-35" && s.GetProperty("year").GetInt32() == 2030);

        var pyramid = await analyst.GetFromJsonAsync<JsonElement>($"{Projections}/{id}/pyramid?region=KZ-35&year=2030");
        pyramid.GetProperty("ages").GetArrayLength().ShouldBe(21);
        pyramid.GetProperty("ages")[20].GetString().ShouldBe("100+");
        var year = pyramid.GetProperty("years").EnumerateArray().Single();
        year.GetProperty("year").GetInt32().ShouldBe(2030);
        // Each single age was rounded to whole persons: the 101 ages of a sex differ from its total by at most 51.
        year.GetProperty("male").EnumerateArray().Sum(v => v.GetDouble()).ShouldBe(karaganda2030.GetProperty("male").GetDouble(), 51);
        year.GetProperty("female").EnumerateArray().Sum(v => v.GetDouble()).ShouldBe(karaganda2030.GetProperty("female").GetDouble(), 51);
        var single = await analyst.GetFromJsonAsync<JsonElement>($"{Projections}/{id}/pyramid?region=KZ&groups=single");
        single.GetProperty("ages").GetArrayLength().ShouldBe(101);
        single.GetProperty("years").GetArrayLength().ShouldBe(5);
        await ShouldNameFieldAsync(await analyst.GetAsync($"{Projections}/{id}/pyramid?region=KZ&year=2040"), "year");
        (await analyst.GetAsync($"{Projections}/{id}/pyramid?region=KZ-99")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var csv = await analyst.GetAsync($"{Projections}/{id}/export.csv");
        csv.StatusCode.ShouldBe(HttpStatusCode.OK);
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("region_code,year,total,male,female,working_age_share,above_working_age_share,dependency_ratio,births,deaths," +
                          "net_international_migration,net_inter_regional_migration,p10,p50,p90");
        lines.Length.ShouldBe(1 + 21 * 5);
        lines[1].ShouldStartWith("KZ,2026,");

        var xlsx = await analyst.GetAsync($"{Projections}/{id}/export.xlsx");
        xlsx.StatusCode.ShouldBe(HttpStatusCode.OK);
        var bytes = await xlsx.Content.ReadAsByteArrayAsync();
        bytes[..2].ShouldBe("PK"u8.ToArray());
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
        var rows = sheet.Descendants<Row>().ToList();
        rows.Count.ShouldBe(1 + 21 * 5);
        rows[0].Elements<Cell>().First().InnerText.ShouldBe("region_code");
        rows[1].Elements<Cell>().ElementAt(1).CellValue!.Text.ShouldBe("2026");
    }

    [Theory, OnSqlite]
    public async Task The_OpenAPI_document_describes_the_analytical_centre(Provider provider)
    {
        var app = await apps.For(provider);
        using var anonymous = app.Anonymous();
        var paths = (await anonymous.GetFromJsonAsync<JsonElement>("/openapi/v1.json")).GetProperty("paths");
        foreach (var path in new[]
                 {
                     Projections, Projections + "/{id}", Projections + "/{id}/cancel", Projections + "/{id}/pyramid",
                     Projections + "/{id}/export.xlsx", "/api/v1/demography/scenarios", "/api/v1/demography/labour-deficit-index",
                     "/api/v1/forecasts/series", "/api/v1/forecasts/{seriesKey}",
                 })
            paths.TryGetProperty(path, out _).ShouldBeTrue(path);
    }

    internal static async Task<JsonElement> PollUntilFinalAsync(HttpClient client, string url)
    {
        // The machine is shared: allow the background job generous time, but stop as soon as the run is final.
        var deadline = DateTime.UtcNow.AddMinutes(4);
        while (true)
        {
            var run = await client.GetFromJsonAsync<JsonElement>(url);
            var status = run.GetProperty("status").GetString();
            if (status is "done" or "failed" or "cancelled") return run;
            run.GetProperty("progress").GetDouble().ShouldBeInRange(0, 100);
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"run {url} still {status}");
            await Task.Delay(250);
        }
    }

    internal static async Task ShouldNameFieldAsync(HttpResponseMessage response, string field)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue($"errors should name {field}: {problem}");
    }
}
