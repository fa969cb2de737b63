using static Qonys.IntegrationTests.AnalyticalCentre.Projections.ProjectionsApiTests;

namespace Qonys.IntegrationTests.AnalyticalCentre;

/// <summary>
/// Cancelling a run while it computes, reading one scenario by key, and the labour-deficit index as CSV.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed partial class AnalyticalCentreGapsTests(Apps apps)
{
    const string Projections = "/api/v1/demography/projections";

    [Theory, OnSqlite, OnPostgres]
    public async Task A_run_cancelled_while_it_computes_stops_as_cancelled_with_no_series(Provider provider)
    {
        var app = await apps.For(provider);
        using var analyst = await app.As(Demo.Analyst);
        var accepted = await analyst.PostAsJsonAsync(Projections, new { scenario = "high", horizonYear = 2050, regions = "all", trajectories = 2000 });
        accepted.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var url = $"{Projections}/{(await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()}";

        // Wait until the background job has claimed the run and reported progress: it is computing, not queued.
        var deadline = DateTime.UtcNow.AddMinutes(4);
        JsonElement run;
        while ((run = await analyst.GetFromJsonAsync<JsonElement>(url)).GetProperty("status").GetString() != "running" ||
               run.GetProperty("progress").GetDouble() <= 0)
        {
            run.GetProperty("status").GetString().ShouldBeOneOf("queued", "running");
            if (DateTime.UtcNow > deadline) throw new TimeoutException("the run never started computing");
            await Task.Delay(100);
        }
        run.GetProperty("startedAt").ValueKind.ShouldBe(JsonValueKind.String);

        var cancel = await analyst.PostAsync($"{url}/cancel", null);
        var summary = await cancel.Content.ReadFromJsonAsync<JsonElement>();
        cancel.StatusCode.ShouldBe(HttpStatusCode.OK, summary.ToString());
        // A computing run is asked to stop; the job notices at its next heartbeat.
        summary.GetProperty("status").GetString().ShouldBeOneOf("running", "cancelled");
        (await analyst.GetFromJsonAsync<JsonElement>(url)).GetProperty("cancelRequested").GetBoolean().ShouldBeTrue();

        var final = await PollUntilFinalAsync(analyst, url);
        // Cancelled, with nothing kept: on a fast machine the last heartbeat may come after the last trajectory
        // (progress 100), so the progress says nothing here.
        final.GetProperty("status").GetString().ShouldBe("cancelled");
        final.GetProperty("series").GetArrayLength().ShouldBe(0);
        final.GetProperty("finishedAt").ValueKind.ShouldBe(JsonValueKind.String);
        (await analyst.PostAsync($"{url}/cancel", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_scenario_is_read_by_its_key_built_in_or_stored(Provider provider)
    {
        var app = await apps.For(provider);
        using var analyst = await app.As(Demo.Analyst);

        var baseline = await analyst.GetFromJsonAsync<JsonElement>("/api/v1/demography/scenarios/baseline");
        baseline.GetProperty("key").GetString().ShouldBe("baseline");
        baseline.GetProperty("builtIn").GetBoolean().ShouldBeTrue();
        baseline.GetProperty("definition").ValueKind.ShouldBe(JsonValueKind.Object);
        var zero = await analyst.GetFromJsonAsync<JsonElement>("/api/v1/demography/scenarios/zero-migration");
        zero.GetProperty("definition").GetProperty("internationalMigration").GetBoolean().ShouldBeFalse();

        var name = "Astana intake " + Guid.NewGuid().ToString("N")[..6];
        var created = await analyst.PostAsJsonAsync("/api/v1/demography/scenarios", new
        {
            name, fertility = "Low", lifeExpectancyShiftYears = 1.5, internationalMigration = true, interRegionalMigration = false,
            resettlements = Array.Empty<object>(), labourIntakes = Array.Empty<object>(),
        });
        var stored = await created.Content.ReadFromJsonAsync<JsonElement>();
        created.StatusCode.ShouldBe(HttpStatusCode.Created, stored.ToString());
        var key = stored.GetProperty("key").GetString()!;

        var read = await analyst.GetFromJsonAsync<JsonElement>($"/api/v1/demography/scenarios/{key}");
        read.GetProperty("key").GetString().ShouldBe(key);
        read.GetProperty("name").GetString().ShouldBe(name);
        read.GetProperty("builtIn").GetBoolean().ShouldBeFalse();
        read.GetProperty("createdAt").ValueKind.ShouldBe(JsonValueKind.String);
        var definition = read.GetProperty("definition");
        definition.GetProperty("fertility").GetString()!.ShouldBe("Low", StringCompareShould.IgnoreCase);
        definition.GetProperty("lifeExpectancyShiftYears").GetDouble().ShouldBe(1.5);
        definition.GetProperty("interRegionalMigration").GetBoolean().ShouldBeFalse();

        var missing = await analyst.GetAsync("/api/v1/demography/scenarios/no-such-scenario");
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        missing.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_index_csv_has_a_row_per_region_matching_the_json_index(Provider provider)
    {
        var app = await apps.For(provider);
        using var analyst = await app.As(Demo.Analyst);
        var index = await analyst.GetFromJsonAsync<JsonElement>("/api/v1/demography/labour-deficit-index");
        var items = index.GetProperty("items").EnumerateArray().ToList();

        var response = await analyst.GetAsync("/api/v1/demography/labour-deficit-index/export.csv");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        response.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("labour-deficit-index.csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        bytes[..3].ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF }); // a UTF-8 byte order mark, so that Excel reads the names right
        var lines = System.Text.Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = Fields(lines[0]);
        // rank, region code, region, total; for each of the 5 criteria its fact, band and points; the scorecard
        // version.
        header.Length.ShouldBe(4 + (5 * 3) + 1);
        header[..4].ShouldBe(["rank", "region_code", "region", "total"]);
        header[^1].ShouldBe("scorecard_version");
        lines.Length.ShouldBe(1 + 20);
        for (var i = 0; i < items.Count; i++)
        {
            var cells = Fields(lines[1 + i]);
            cells.Length.ShouldBe(header.Length, lines[1 + i]);
            var item = items[i];
            cells[0].ShouldBe(item.GetProperty("rank").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture));
            cells[1].ShouldBe(item.GetProperty("regionCode").GetString());
            decimal.Parse(cells[3], System.Globalization.CultureInfo.InvariantCulture).ShouldBe(item.GetProperty("total").GetDecimal());
            var breakdown = item.GetProperty("breakdown").EnumerateArray().ToList();
            for (var c = 0; c < breakdown.Count; c++)
            {
                cells[4 + (3 * c) + 1].ShouldBe(breakdown[c].GetProperty("band").GetString());
                decimal.Parse(cells[4 + (3 * c) + 2], System.Globalization.CultureInfo.InvariantCulture)
                    .ShouldBe(breakdown[c].GetProperty("pointsAfterCap").GetDecimal());
            }
            cells[^1].ShouldBe("region-labour-deficit v1");
        }
        // A band with a comma in it ("loses more than 5 per 1,000") is quoted, so it stays one field.
        lines.ShouldContain(l => l.Contains("\"loses more than 5 per 1,000\"", StringComparison.Ordinal));
    }

    /// <summary>
    /// The fields of one CSV line (RFC 4180: a field in double quotes may hold commas and doubled quotes).
    /// </summary>
    static string[] Fields(string line) => CsvField().Matches(line)
        .Select(m => m.Value.StartsWith('"') ? m.Value[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : m.Value).ToArray();

    [System.Text.RegularExpressions.GeneratedRegex("(?<=^|,)(\"(?:[^\"]|\"\")*\"|[^,]*)")]
    private static partial System.Text.RegularExpressions.Regex CsvField();
}
