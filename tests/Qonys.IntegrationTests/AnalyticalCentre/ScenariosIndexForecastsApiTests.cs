using DocumentFormat.OpenXml.Packaging;
using Qonys.Web.Modules.Permits.Domain;
using static Qonys.IntegrationTests.AnalyticalCentre.Projections.ProjectionsApiTests;

namespace Qonys.IntegrationTests.AnalyticalCentre;

/// <summary>Stored policy scenarios, the labour-deficit index and the forecasts over HTTP on both databases.</summary>
[Collection(AppsCollection.Name)]
public sealed class ScenariosIndexForecastsApiTests(Apps apps)
{
    static object Resettlement(double families, string from = "KZ-61", string to = "KZ-59") => new
    {
        name = "Turkistan to North Kazakhstan " + Guid.NewGuid().ToString("N")[..6],
        fertility = "Medium",
        lifeExpectancyShiftYears = 0,
        internationalMigration = true,
        interRegionalMigration = true,
        resettlements = new[]
        {
            new
            {
                fromRegion = from, toRegion = to, familiesPerYear = families, firstYear = 2026, lastYear = 2030,
                family = new object[]
                {
                    new { sex = "Male", ageFrom = 25, ageTo = 39, count = 1 },
                    new { sex = "Female", ageFrom = 25, ageTo = 39, count = 1 },
                    new { sex = "Female", ageFrom = 0, ageTo = 14, count = 2 },
                },
            },
        },
        labourIntakes = Array.Empty<object>(),
    };

    [Theory, OnSqlite, OnPostgres]
    public async Task A_stored_policy_scenario_is_listed_and_moves_people_between_regions_in_a_run(Provider provider)
    {
        var app = await apps.For(provider);
        using var analyst = await app.As(Demo.Analyst);

        var created = await analyst.PostAsJsonAsync("/api/v1/demography/scenarios", Resettlement(2000));
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var scenario = await created.Content.ReadFromJsonAsync<JsonElement>();
        var key = scenario.GetProperty("key").GetString()!;
        scenario.GetProperty("builtIn").GetBoolean().ShouldBeFalse();
        var list = await analyst.GetFromJsonAsync<JsonElement>("/api/v1/demography/scenarios?pageSize=500");
        var keys = list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("key").GetString()).ToList();
        keys.Take(4).ShouldBe(["baseline", "low", "high", "zero-migration"]);
        keys.ShouldContain(key);

        var policy = await RunAsync(analyst, key);
        var baseline = await RunAsync(analyst, "baseline");
        // 2,000 families of 4 a year for 2026-2029 (the 2030 flows lie after 1 January 2030): 32,000 persons moved,
        // less the deaths among them and plus their births, so North Kazakhstan gains and Turkistan loses about that.
        (Total(policy, "KZ-59") - Total(baseline, "KZ-59")).ShouldBe(32_000, 2_000);
        (Total(baseline, "KZ-61") - Total(policy, "KZ-61")).ShouldBe(32_000, 2_000);
        Total(policy, "KZ").ShouldBe(Total(baseline, "KZ"), 10);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task An_invalid_scenario_is_400_naming_the_field(Provider provider)
    {
        var app = await apps.For(provider);
        using var analyst = await app.As(Demo.Analyst);
        const string url = "/api/v1/demography/scenarios";
        await ShouldNameFieldAsync(await analyst.PostAsJsonAsync(url, Resettlement(-5)), "resettlements.0.familiesPerYear");
        await ShouldNameFieldAsync(await analyst.PostAsJsonAsync(url, Resettlement(10, to: "KZ-99")), "resettlements.0.toRegion");
        await ShouldNameFieldAsync(await analyst.PostAsJsonAsync(url, new { fertility = "Medium" }), "name");
        await ShouldNameFieldAsync(await analyst.PostAsJsonAsync(url, new { name = "x", fertility = "Sideways" }), "fertility");
        using var employer = await app.As(Demo.Employer);
        (await employer.PostAsJsonAsync(url, Resettlement(10))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_labour_deficit_index_ranks_the_20_regions_with_breakdowns_and_exports(Provider provider)
    {
        var app = await apps.For(provider);
        using var analyst = await app.As(Demo.Analyst);
        var index = await analyst.GetFromJsonAsync<JsonElement>("/api/v1/demography/labour-deficit-index");
        index.GetProperty("scorecard").GetProperty("key").GetString().ShouldBe("region-labour-deficit");
        index.GetProperty("scorecard").GetProperty("version").GetInt32().ShouldBe(1);
        var items = index.GetProperty("items").EnumerateArray().ToList();
        items.Count.ShouldBe(20);
        items[0].GetProperty("rank").GetInt32().ShouldBe(1);
        var totals = items.Select(i => i.GetProperty("total").GetDecimal()).ToList();
        totals.ShouldBe(totals.OrderByDescending(t => t).ToList());
        foreach (var item in items)
        {
            var breakdown = item.GetProperty("breakdown").EnumerateArray().ToList();
            breakdown.Select(b => b.GetProperty("criterion").GetString())
                .ShouldBe(["workingAgeChange", "olderShare", "unemployment", "wageLevel", "netMigration"]);
            breakdown.Sum(b => b.GetProperty("pointsAfterCap").GetDecimal()).ShouldBe(item.GetProperty("total").GetDecimal());
            breakdown.ShouldAllBe(b => b.GetProperty("band").ValueKind == JsonValueKind.String);
        }
        // North Kazakhstan: 19.2 % above working age in 2026 (docs/demography.md §11) is the 15–19.9 % band.
        var north = items.Single(i => i.GetProperty("regionCode").GetString() == "KZ-59");
        north.GetProperty("breakdown")[1].GetProperty("band").GetString().ShouldBe("15–19.9 %");

        var xlsx = await analyst.GetAsync("/api/v1/demography/labour-deficit-index/export.xlsx");
        xlsx.StatusCode.ShouldBe(HttpStatusCode.OK);
        var bytes = await xlsx.Content.ReadAsByteArrayAsync();
        bytes[..2].ShouldBe("PK"u8.ToArray());
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        document.WorkbookPart!.WorksheetParts.Single().Worksheet
            .Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().Count().ShouldBe(21);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Forecasts_of_regional_arrivals_have_back_test_scores_and_nested_intervals(Provider provider)
    {
        var app = await apps.For(provider);
        using var analyst = await app.As(Demo.Analyst);
        var series = (await analyst.GetFromJsonAsync<JsonElement>("/api/v1/forecasts/series")).GetProperty("items").EnumerateArray().ToList();
        var karaganda = series.Single(s => s.GetProperty("key").GetString() == "internal-arrivals-KZ-35");
        karaganda.GetProperty("length").GetInt32().ShouldBe(12);
        karaganda.GetProperty("start").GetString().ShouldBe("2024-01");

        var forecast = await analyst.GetFromJsonAsync<JsonElement>("/api/v1/forecasts/internal-arrivals-KZ-35?horizon=6");
        forecast.GetProperty("history").GetArrayLength().ShouldBe(12);
        var points = forecast.GetProperty("forecast").EnumerateArray().ToList();
        points.Select(p => p.GetProperty("period").GetString()).ShouldBe(["2025-01", "2025-02", "2025-03", "2025-04", "2025-05", "2025-06"]);
        foreach (var p in points)
        {
            p.GetProperty("lower95").GetDouble().ShouldBeLessThanOrEqualTo(p.GetProperty("lower80").GetDouble());
            p.GetProperty("lower80").GetDouble().ShouldBeLessThanOrEqualTo(p.GetProperty("point").GetDouble());
            p.GetProperty("point").GetDouble().ShouldBeLessThanOrEqualTo(p.GetProperty("upper80").GetDouble());
            p.GetProperty("upper80").GetDouble().ShouldBeLessThanOrEqualTo(p.GetProperty("upper95").GetDouble());
        }
        // 12 months: seasonal naive cannot be fitted, so 6 methods are scored against naive (ForecastDesign).
        var backtest = forecast.GetProperty("backtest");
        backtest.GetProperty("baseline").GetString().ShouldBe("naive");
        var scores = backtest.GetProperty("scores").EnumerateArray().ToList();
        scores.Count.ShouldBe(6);
        scores.Single(s => s.GetProperty("method").GetString() == "naive").GetProperty("relativeMase").GetDouble().ShouldBe(1);
        scores.Count(s => s.GetProperty("chosen").GetBoolean()).ShouldBe(1);
        scores.Single(s => s.GetProperty("chosen").GetBoolean()).GetProperty("method").GetString().ShouldBe(forecast.GetProperty("method").GetString());

        await ShouldNameFieldAsync(await analyst.GetAsync("/api/v1/forecasts/internal-arrivals-KZ-35?horizon=0"), "horizon");
        await ShouldNameFieldAsync(await analyst.GetAsync("/api/v1/forecasts/internal-arrivals-KZ-35?horizon=37"), "horizon");
        (await analyst.GetAsync("/api/v1/forecasts/no-such-series")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Permit_series_count_permits_by_month_issued_and_workers_by_first_valid_month(Provider provider)
    {
        var app = await apps.For(provider);
        var bin = Demo.NewBin();
        Guid w1 = Guid.NewGuid(), w2 = Guid.NewGuid(), w3 = Guid.NewGuid(), w4 = Guid.NewGuid();
        // Issued: January 2019 three (A, B, C), February none, March two (D, E).
        // New workers: w1 from January (A; D is w1's second permit), w2 from February (B); C awaits the fee, E was
        // cancelled.
        await app.WithDbAsync(async db =>
        {
            db.AddRange(
                Permit(bin, w1, new(2019, 1, 10), new(2019, 1, 15), PermitStatus.Active),
                Permit(bin, w2, new(2019, 1, 20), new(2019, 2, 1), PermitStatus.Active),
                Permit(bin, w3, new(2019, 1, 25), new(2019, 1, 25), PermitStatus.AwaitingFee),
                Permit(bin, w1, new(2019, 3, 5), new(2019, 3, 10), PermitStatus.Active),
                Permit(bin, w4, new(2019, 3, 7), new(2019, 3, 7), PermitStatus.Cancelled));
            return await db.SaveChangesAsync();
        });
        using var analyst = await app.As(Demo.Analyst);

        var issued = await analyst.GetFromJsonAsync<JsonElement>("/api/v1/forecasts/permits-issued?horizon=12");
        var history = issued.GetProperty("history").EnumerateArray().ToList();
        history[0].GetProperty("period").GetString().ShouldBe("2019-01");
        history.Take(4).Select(h => h.GetProperty("value").GetDouble()).ShouldBe([3, 0, 2, 0]);
        issued.GetProperty("forecast").GetArrayLength().ShouldBe(12);
        // More than 48 months of history: the monthly back-test against seasonal naive.
        issued.GetProperty("backtest").GetProperty("baseline").GetString().ShouldBe("seasonal_naive");
        issued.GetProperty("backtest").GetProperty("scores").GetArrayLength().ShouldBe(7);

        var workers = await analyst.GetFromJsonAsync<JsonElement>("/api/v1/forecasts/new-foreign-workers?horizon=3");
        workers.GetProperty("history").EnumerateArray().Take(3).Select(h => h.GetProperty("value").GetDouble()).ShouldBe([1, 1, 0]);
    }

    static Permit Permit(string bin, Guid worker, DateOnly issued, DateOnly validFrom, string status) => new()
    {
        Number = "T" + Guid.NewGuid().ToString("N")[..20], ApplicationId = Guid.NewGuid(), WorkerId = worker, EmployerBin = bin,
        RegionCode = "KZ-35", Category = "3", OccupationCode = "2142", OkedSection = "F", Citizenship = "CN",
        IssuedOn = issued, ValidFrom = validFrom, ValidUntil = validFrom.AddYears(1), Status = status,
    };

    static async Task<JsonElement> RunAsync(HttpClient client, string scenario)
    {
        var created = await client.PostAsJsonAsync("/api/v1/demography/projections", new { scenario, horizonYear = 2030, regions = "all", trajectories = 0 });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        return await client.GetFromJsonAsync<JsonElement>($"/api/v1/demography/projections/{id}");
    }

    static double Total(JsonElement run, string code) => run.GetProperty("series").EnumerateArray()
        .Single(s => s.GetProperty("regionCode").GetString() == code && s.GetProperty("year").GetInt32() == 2030).GetProperty("total").GetDouble();
}
