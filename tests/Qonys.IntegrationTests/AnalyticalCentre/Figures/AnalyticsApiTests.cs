using System.Net.Http.Headers;

namespace Qonys.IntegrationTests.AnalyticalCentre.Figures;

/// <summary>
/// The analytics endpoints over the demo data set loaded at start: the published figures of
/// data/published-figures.csv come back from the database exactly (the expected values below are copied from that file;
/// May's ICT is 3,633, see DemoFigures.OnMay).
/// </summary>
[Collection(AppsCollection.Name)]
public sealed class AnalyticsApiTests(Apps apps)
{
    static async Task<Dictionary<string, int>> ItemsAsync(HttpClient client, string url)
    {
        var body = await client.GetFromJsonAsync<JsonElement>(url);
        return body.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("key").GetString()!, i => i.GetProperty("count").GetInt32());
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task March_2025_foreign_workers_by_category_citizenship_and_section_are_the_published_figures(Provider provider)
    {
        var app = await apps.For(provider);
        using var analyst = await app.As(Demo.Analyst);

        var byCategory = await analyst.GetFromJsonAsync<JsonElement>("/api/v1/analytics/foreign-workers?date=2025-03-01&by=category");
        byCategory.GetProperty("date").GetString().ShouldBe("2025-03-01");
        byCategory.GetProperty("by").GetString().ShouldBe("category");
        byCategory.GetProperty("total").GetInt32().ShouldBe(13_584);
        var categories = await ItemsAsync(analyst, "/api/v1/analytics/foreign-workers?date=2025-03-01&by=category");
        categories.ShouldBe(new Dictionary<string, int> { ["1"] = 569, ["2"] = 2514, ["3"] = 4711, ["4"] = 1010, ["seasonal"] = 1217, ["ict"] = 3563 },
            ignoreOrder: true);

        var citizenship = await ItemsAsync(analyst, "/api/v1/analytics/foreign-workers?date=2025-03-01&by=citizenship");
        (citizenship["CN"], citizenship["IN"], citizenship["TR"], citizenship["UZ"]).ShouldBe((4945, 1169, 1165, 1056));
        citizenship.Values.Sum().ShouldBe(13_584);

        var sections = await ItemsAsync(analyst, "/api/v1/analytics/foreign-workers?date=2025-03-01&by=okedSection");
        (sections["F"], sections["A"], sections["C"], sections["B"], sections["N"]).ShouldBe((5052, 1296, 1281, 1263, 975));

        var regions = await ItemsAsync(analyst, "/api/v1/analytics/foreign-workers?date=2025-03-01&by=region");
        regions.Values.Sum().ShouldBe(13_584);
        regions.MaxBy(r => r.Value).Key.ShouldBe("KZ-23"); // Atyrau holds the largest regional quota
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task May_and_August_2025_are_the_published_figures(Provider provider)
    {
        var app = await apps.For(provider);
        using var admin = await app.As(Demo.Admin);

        var total = await admin.GetFromJsonAsync<JsonElement>("/api/v1/analytics/foreign-workers?date=2025-05-01");
        total.GetProperty("total").GetInt32().ShouldBe(14_300);
        total.GetProperty("items").GetArrayLength().ShouldBe(0);
        var mayCategories = await ItemsAsync(admin, "/api/v1/analytics/foreign-workers?date=2025-05-01&by=category");
        mayCategories.ShouldBe(new Dictionary<string, int> { ["1"] = 567, ["2"] = 2400, ["3"] = 4400, ["4"] = 1000, ["seasonal"] = 2300, ["ict"] = 3633 },
            ignoreOrder: true);
        var mayCitizenship = await ItemsAsync(admin, "/api/v1/analytics/foreign-workers?date=2025-05-01&by=citizenship");
        (mayCitizenship["CN"], mayCitizenship["UZ"], mayCitizenship["TR"], mayCitizenship["IN"]).ShouldBe((5100, 1900, 1100, 1100));
        var maySections = await ItemsAsync(admin, "/api/v1/analytics/foreign-workers?date=2025-05-01&by=okedSection");
        (maySections["F"], maySections["A"], maySections["B"], maySections["C"]).ShouldBe((5000, 2300, 1300, 1300));

        var augustCategories = await ItemsAsync(admin, "/api/v1/analytics/foreign-workers?date=2025-08-01&by=category");
        augustCategories.ShouldBe(new Dictionary<string, int> { ["1"] = 549, ["2"] = 2258, ["3"] = 3786, ["4"] = 904, ["seasonal"] = 2889, ["ict"] = 3744 },
            ignoreOrder: true);
        augustCategories.Values.Sum().ShouldBe(14_130);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Employers_using_foreign_labour_are_1744_in_March_and_1899_in_August(Provider provider)
    {
        var app = await apps.For(provider);
        using var analyst = await app.As(Demo.Analyst);

        var march = await analyst.GetFromJsonAsync<JsonElement>("/api/v1/analytics/employers-using-foreign-labour?date=2025-03-01");
        var august = await analyst.GetFromJsonAsync<JsonElement>("/api/v1/analytics/employers-using-foreign-labour?date=2025-08-01");

        march.GetProperty("date").GetString().ShouldBe("2025-03-01");
        march.GetProperty("total").GetInt32().ShouldBe(1744);
        august.GetProperty("total").GetInt32().ShouldBe(1899);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Offences_of_January_to_May_2025_are_1600_with_the_published_regions_and_fines(Provider provider)
    {
        var app = await apps.For(provider);
        using var analyst = await app.As(Demo.Analyst);

        var body = await analyst.GetFromJsonAsync<JsonElement>("/api/v1/analytics/offences?from=2025-01-01&to=2025-05-31&by=region");

        body.GetProperty("total").GetInt32().ShouldBe(1600);
        // 157,100,000 published; whole MCI of 2025 (3,932 KZT) make 39,954 × 3,932 = 157,099,128 (see
        // docs/demo-data.md)
        body.GetProperty("finesImposedKzt").GetInt64().ShouldBe(157_099_128);
        body.GetProperty("finesCollectedKzt").GetInt64().ShouldBe(130_000_000);
        var regions = body.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("key").GetString()!, i => i.GetProperty("count").GetInt32());
        (regions["KZ-35"], regions["KZ-71"], regions["KZ-79"], regions["KZ-75"], regions["KZ-61"]).ShouldBe((224, 141, 136, 110, 99));

        var types = await ItemsAsync(analyst, "/api/v1/analytics/offences?from=2025-01-01&to=2025-05-31&by=offenderType");
        (types["individual_entrepreneur"], types["official"], types["foreign_national"]).ShouldBe((238, 19, 106));
        var articles = await ItemsAsync(analyst, "/api/v1/analytics/offences?from=2025-01-01&to=2025-05-31&by=article");
        articles.Keys.Order().ShouldBe(["517", "518", "519"]);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Household_labour_immigrants_on_1_October_2025_are_the_published_132500_with_124100_from_Uzbekistan(Provider provider)
    {
        var app = await apps.For(provider);
        using var analyst = await app.As(Demo.Analyst);

        var total = await analyst.GetFromJsonAsync<JsonElement>("/api/v1/analytics/household-workers?date=2025-10-01");
        total.GetProperty("date").GetString().ShouldBe("2025-10-01");
        (!total.TryGetProperty("by", out var by) || by.ValueKind == JsonValueKind.Null).ShouldBeTrue();
        total.GetProperty("total").GetInt32().ShouldBe(132_500);
        total.GetProperty("items").GetArrayLength().ShouldBe(0);

        var byCitizenship = await analyst.GetFromJsonAsync<JsonElement>("/api/v1/analytics/household-workers?date=2025-10-01&by=citizenship");
        byCitizenship.GetProperty("by").GetString().ShouldBe("citizenship");
        byCitizenship.GetProperty("total").GetInt32().ShouldBe(132_500);
        var citizenship = await ItemsAsync(analyst, "/api/v1/analytics/household-workers?date=2025-10-01&by=citizenship");
        citizenship["UZ"].ShouldBe(124_100);
        citizenship.Values.Sum().ShouldBe(132_500);
        // the other 132,500 − 124,100 = 8,400 come from the neighbours, Tajikistan the largest of them
        citizenship.Where(c => c.Key != "UZ").MaxBy(c => c.Value).Key.ShouldBe("TJ");

        var regions = await ItemsAsync(analyst, "/api/v1/analytics/household-workers?date=2025-10-01&by=region");
        regions.Values.Sum().ShouldBe(132_500);
        regions.MaxBy(r => r.Value).Key.ShouldBe("KZ-75"); // Almaty city has the largest (assumed) share of households

        // none of the demo households' permits starts before 2024
        (await analyst.GetFromJsonAsync<JsonElement>("/api/v1/analytics/household-workers?date=2023-06-01")).GetProperty("total").GetInt32().ShouldBe(0);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Household_workers_answer_csv_with_a_header_row(Provider provider)
    {
        var app = await apps.For(provider);
        using var analyst = await app.As(Demo.Analyst);

        async Task<string[]> CsvLines(string url)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
            var response = await analyst.SendAsync(request);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
            return (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        }

        (await CsvLines("/api/v1/analytics/household-workers?date=2025-10-01")).ShouldBe(["date,total", "2025-10-01,132500"]);
        var byCitizenship = await CsvLines("/api/v1/analytics/household-workers?date=2025-10-01&by=citizenship");
        byCitizenship[0].ShouldBe("key,count");
        byCitizenship[1].ShouldBe("UZ,124100"); // largest first
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Lists_answer_csv_with_a_header_row(Provider provider)
    {
        var app = await apps.For(provider);
        using var analyst = await app.As(Demo.Analyst);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/analytics/foreign-workers?date=2025-03-01&by=category");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));

        var response = await analyst.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("key,count");
        lines.Length.ShouldBe(7);
        lines.ShouldContain("3,4711");
        lines.ShouldContain("ict,3563");

        using var offences = new HttpRequestMessage(HttpMethod.Get, "/api/v1/analytics/offences?from=2025-01-01&to=2025-05-31&by=region");
        offences.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        var csv = await (await analyst.SendAsync(offences)).Content.ReadAsStringAsync();
        csv.ShouldStartWith("key,count,finesImposedKzt,finesCollectedKzt\r\n");
        csv.ShouldContain("\r\nKZ-35,224,");
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task An_officer_sees_only_the_own_region_and_an_employer_is_refused(Provider provider)
    {
        var app = await apps.For(provider);
        using var officer = await app.As(Demo.OfficerKaraganda);
        using var analyst = await app.As(Demo.Analyst);
        using var employer = await app.As(Demo.Employer);

        var own = await ItemsAsync(officer, "/api/v1/analytics/foreign-workers?date=2025-03-01&by=region");
        var national = await ItemsAsync(analyst, "/api/v1/analytics/foreign-workers?date=2025-03-01&by=region");
        own.Keys.ShouldBe(["KZ-35"]);
        own["KZ-35"].ShouldBe(national["KZ-35"]);
        var offences = await ItemsAsync(officer, "/api/v1/analytics/offences?from=2025-01-01&to=2025-05-31&by=region");
        offences.ShouldBe(new Dictionary<string, int> { ["KZ-35"] = 224 });

        var ownHouseholds = await officer.GetFromJsonAsync<JsonElement>("/api/v1/analytics/household-workers?date=2025-10-01&by=region");
        var nationalHouseholds = await ItemsAsync(analyst, "/api/v1/analytics/household-workers?date=2025-10-01&by=region");
        ownHouseholds.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("key").GetString()).ShouldBe(["KZ-35"]);
        ownHouseholds.GetProperty("total").GetInt32().ShouldBe(nationalHouseholds["KZ-35"]);
        nationalHouseholds["KZ-35"].ShouldBeGreaterThan(0);

        (await employer.GetAsync("/api/v1/analytics/foreign-workers?date=2025-03-01")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await employer.GetAsync("/api/v1/analytics/household-workers?date=2025-10-01")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var inspector = await app.As(Demo.InspectorKaraganda);
        (await inspector.GetAsync("/api/v1/analytics/household-workers?date=2025-10-01")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.Anonymous().GetAsync("/api/v1/analytics/household-workers?date=2025-10-01")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await employer.GetAsync("/api/v1/analytics/offences?from=2025-01-01&to=2025-05-31")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await employer.GetAsync("/api/v1/analytics/employers-using-foreign-labour?date=2025-03-01")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.Anonymous().GetAsync("/api/v1/analytics/foreign-workers?date=2025-03-01")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Bad_input_is_a_400_naming_the_field(Provider provider)
    {
        var app = await apps.For(provider);
        using var analyst = await app.As(Demo.Analyst);

        async Task<JsonElement> Errors(string url)
        {
            var response = await analyst.GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, url);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        }

        (await Errors("/api/v1/analytics/foreign-workers?date=2025-03-01&by=colour")).TryGetProperty("by", out _).ShouldBeTrue();
        (await Errors("/api/v1/analytics/foreign-workers")).TryGetProperty("date", out _).ShouldBeTrue();
        (await Errors("/api/v1/analytics/foreign-workers?date=01.03.2025")).TryGetProperty("date", out _).ShouldBeTrue();
        (await Errors("/api/v1/analytics/employers-using-foreign-labour?date=2025-02-30")).TryGetProperty("date", out _).ShouldBeTrue();
        (await Errors("/api/v1/analytics/offences?from=2025-05-31&to=2025-01-01")).TryGetProperty("to", out _).ShouldBeTrue();
        (await Errors("/api/v1/analytics/offences?from=2025-01-01&to=2025-05-31&by=colour")).TryGetProperty("by", out _).ShouldBeTrue();
        (await Errors("/api/v1/analytics/household-workers?date=2025-10-01&by=colour")).TryGetProperty("by", out _).ShouldBeTrue();
        // household permits have no category nor OKED section
        (await Errors("/api/v1/analytics/household-workers?date=2025-10-01&by=category")).TryGetProperty("by", out _).ShouldBeTrue();
        (await Errors("/api/v1/analytics/household-workers")).TryGetProperty("date", out _).ShouldBeTrue();
        (await Errors("/api/v1/analytics/household-workers?date=2025-13-01")).TryGetProperty("date", out _).ShouldBeTrue();
    }
}
