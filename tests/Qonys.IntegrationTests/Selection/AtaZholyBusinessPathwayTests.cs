namespace Qonys.IntegrationTests.Selection;

/// <summary>The Ata Zholy card's third pathway over HTTP: an operating business abroad, with no listed profession.</summary>
[Collection(AppsCollection.Name)]
public sealed class AtaZholyBusinessPathwayTests(Apps apps)
{
    static object Business(decimal? years, decimal? turnover) => new
    {
        operatesBusinessAbroad = true, businessYearsOperating = years, businessAnnualTurnoverUsd = turnover,
    };

    static object Application(decimal years, decimal turnover) => new
    {
        fullName = "Ayşe Demir", birthDate = "1979-06-12", citizenship = "TR", operatesBusinessAbroad = true,
        businessYearsOperating = years, businessAnnualTurnoverUsd = turnover,
    };

    static JsonElement Pathway(JsonElement decision, string name) =>
        decision.GetProperty("pathways").EnumerateArray().Single(p => p.GetProperty("pathway").GetString() == name);

    [Theory, OnSqlite, OnPostgres]
    public async Task A_business_abroad_of_three_years_and_500000_usd_a_year_qualifies_without_a_listed_profession(Provider provider)
    {
        var app = await apps.For(provider);
        var s = new SelectionScenario(app);
        using var migrant = await s.NewMigrantAsync();

        // docs/scoring.md: min_years_operating 3, min_annual_turnover_usd 500,000.
        var lists = await SelectionScenario.ReadAsync(await migrant.GetAsync("/api/v1/ata-zholy/lists"), HttpStatusCode.OK);
        lists.GetProperty("minYearsOperating").GetDecimal().ShouldBe(3);
        lists.GetProperty("minAnnualTurnoverUsd").GetDecimal().ShouldBe(500_000);

        // At both minimums: eligible through the business alone.
        var atMinimum = await SelectionScenario.ReadAsync(await migrant.PostAsJsonAsync("/api/v1/ata-zholy/eligibility", Business(3, 500_000)), HttpStatusCode.OK);
        atMinimum.GetProperty("eligible").GetBoolean().ShouldBeTrue(atMinimum.ToString());
        Pathway(atMinimum, "business_abroad").GetProperty("met").GetBoolean().ShouldBeTrue();
        Pathway(atMinimum, "simplified_citizenship_profession").GetProperty("met").GetBoolean().ShouldBeFalse();
        Pathway(atMinimum, "permanent_residence_profession").GetProperty("met").GetBoolean().ShouldBeFalse();
        atMinimum.GetProperty("cardTermYears").GetInt32().ShouldBe(10);

        // Just below either minimum, or a figure missing: not eligible, and the reason names what fell short.
        foreach (var (years, turnover, reason) in new (decimal?, decimal?, string)[]
                 {
                     (2.9m, 900_000, "fewer than the 3 required"), (5, 499_999, "below the 500000 USD required"), (5, null, "the annual turnover was not given"),
                 })
        {
            var below = await SelectionScenario.ReadAsync(await migrant.PostAsJsonAsync("/api/v1/ata-zholy/eligibility", Business(years, turnover)), HttpStatusCode.OK);
            below.GetProperty("eligible").GetBoolean().ShouldBeFalse(below.ToString());
            below.GetProperty("cardTermYears").ValueKind.ShouldBe(JsonValueKind.Null);
            Pathway(below, "business_abroad").GetProperty("reason").GetString()!.Replace(",", "", StringComparison.Ordinal).ShouldContain(reason);
        }
        var negative = await migrant.PostAsJsonAsync("/api/v1/ata-zholy/eligibility", Business(-1, 600_000));
        negative.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await negative.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("businessYearsOperating", out _).ShouldBeTrue();

        // An application on the business pathway gets its card; one below the turnover is refused and not saved.
        var applied = await SelectionScenario.ReadAsync(await migrant.PostAsJsonAsync("/api/v1/ata-zholy/applications", Application(4, 750_000)), HttpStatusCode.Created);
        applied.GetProperty("profession").ValueKind.ShouldBe(JsonValueKind.Null);
        Pathway(applied.GetProperty("decision"), "business_abroad").GetProperty("met").GetBoolean().ShouldBeTrue();
        var validFrom = DateOnly.Parse(applied.GetProperty("validFrom").GetString()!);
        DateOnly.Parse(applied.GetProperty("validUntil").GetString()!).ShouldBe(validFrom.AddYears(10).AddDays(-1));
        var read = await SelectionScenario.ReadAsync(await migrant.GetAsync($"/api/v1/ata-zholy/applications/{applied.GetProperty("id").GetString()}"), HttpStatusCode.OK);
        Pathway(read.GetProperty("decision"), "business_abroad").GetProperty("met").GetBoolean().ShouldBeTrue();
        var refused = await SelectionScenario.ReadAsync(await migrant.PostAsJsonAsync("/api/v1/ata-zholy/applications", Application(4, 100_000)), (HttpStatusCode)422);
        refused.GetProperty("rule").GetString().ShouldBe("ata_zholy_eligibility");
    }
}
