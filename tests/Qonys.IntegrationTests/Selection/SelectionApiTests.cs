using static Qonys.IntegrationTests.Selection.SelectionScenario;

namespace Qonys.IntegrationTests.Selection;

[Collection(AppsCollection.Name)]
public sealed class SelectionApiTests(Apps apps)
{
    const string Pool = "skilled-migrant-pool";

    [Theory, OnSqlite, OnPostgres]
    public async Task The_shipped_scorecards_are_published_version_1_and_readable(Provider provider)
    {
        var app = await apps.For(provider);
        using var analyst = await app.As(Demo.Analyst);
        var list = await ReadAsync(await analyst.GetAsync("/api/v1/scorecards"), HttpStatusCode.OK);
        // Other tests of the shared app add scorecards of their own keys: the shipped four are among the listed.
        new[] { "employer-risk", "permit-assessment", "region-labour-deficit", Pool }
            .ShouldBeSubsetOf(list.EnumerateArray().Select(s => s.GetProperty("key").GetString()!));
        var v1 = await ReadAsync(await analyst.GetAsync($"/api/v1/scorecards/{Pool}/versions/1"), HttpStatusCode.OK);
        v1.GetProperty("definition").GetProperty("criteria").GetArrayLength().ShouldBe(9);
        (await analyst.GetAsync("/api/v1/scorecards/no-such-card")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_draft_with_overlapping_bands_is_refused_naming_the_path_and_a_valid_draft_is_edited_and_published(Provider provider)
    {
        var app = await apps.For(provider);
        using var admin = await app.As(Demo.Admin);
        // A scorecard of its own key, so other tests' pool scorecard is untouched.
        var key = "test-card-" + Guid.NewGuid().ToString("N")[..8];
        var overlapping = Card(key, [(null, 30m, 10m), (25m, null, 20m)]);
        var problem = await ReadAsync(await admin.PostAsJsonAsync($"/api/v1/scorecards/{key}/drafts", new { scorecard = overlapping }), HttpStatusCode.BadRequest);
        // The validator names the band: criteria[0].bands[i] with "band … overlaps band … (bands[j])".
        var overlap = problem.GetProperty("errors").EnumerateObject().Single(p => p.Name.StartsWith("criteria[0].bands[", StringComparison.Ordinal));
        overlap.Value[0].GetString()!.ShouldContain("overlaps");

        var created = await ReadAsync(await admin.PostAsJsonAsync($"/api/v1/scorecards/{key}/drafts", new { scorecard = Card(key, [(null, 30m, 10m), (30m, null, 20m)]) }),
            HttpStatusCode.Created);
        created.GetProperty("version").GetInt32().ShouldBe(1);
        created.GetProperty("status").GetString().ShouldBe("draft");

        // Editing: a gap between 30 and 40 is refused, naming the bands; then a valid edit is kept.
        var gap = await ReadAsync(await admin.PutAsJsonAsync($"/api/v1/scorecards/{key}/drafts/1", Card(key, [(null, 30m, 10m), (40m, null, 20m)])),
            HttpStatusCode.BadRequest);
        gap.GetProperty("errors").GetProperty("criteria[0].bands")[0].GetString()!.ShouldContain("gap between 30 and 40");
        var edited = await ReadAsync(await admin.PutAsJsonAsync($"/api/v1/scorecards/{key}/drafts/1", Card(key, [(null, 30m, 10m), (30m, null, 25m)])),
            HttpStatusCode.OK);
        edited.GetProperty("definition").GetProperty("criteria")[0].GetProperty("bands")[1].GetProperty("points").GetDecimal().ShouldBe(25m);

        var published = await ReadAsync(await admin.PostAsync($"/api/v1/scorecards/{key}/drafts/1/publish", null), HttpStatusCode.OK);
        published.GetProperty("status").GetString().ShouldBe("published");
        (await admin.PostAsync($"/api/v1/scorecards/{key}/drafts/1/publish", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await admin.PutAsJsonAsync($"/api/v1/scorecards/{key}/drafts/1", Card(key, [(null, 30m, 10m), (30m, null, 25m)]))).StatusCode
            .ShouldBe(HttpStatusCode.Conflict);

        // A second version copied from the published one; publishing it retires version 1.
        var copy = await ReadAsync(await admin.PostAsJsonAsync($"/api/v1/scorecards/{key}/drafts", new { copyOfPublished = true }), HttpStatusCode.Created);
        copy.GetProperty("version").GetInt32().ShouldBe(2);
        await ReadAsync(await admin.PostAsync($"/api/v1/scorecards/{key}/drafts/2/publish", null), HttpStatusCode.OK);
        var overview = await ReadAsync(await admin.GetAsync($"/api/v1/scorecards/{key}"), HttpStatusCode.OK);
        overview.GetProperty("publishedVersion").GetInt32().ShouldBe(2);
        overview.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("status").GetString()).ShouldBe(["retired", "published"]);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Bad_scorecard_input_is_400_and_only_administrators_edit(Provider provider)
    {
        var app = await apps.For(provider);
        using var admin = await app.As(Demo.Admin);
        using var analyst = await app.As(Demo.Analyst);
        var key = "test-card-" + Guid.NewGuid().ToString("N")[..8];
        (await admin.PostAsJsonAsync($"/api/v1/scorecards/{key}/drafts", new { })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var wrongType = await ReadAsync(await admin.PostAsJsonAsync($"/api/v1/scorecards/{key}/drafts", new { scorecard = new { criteria = "many" } }),
            HttpStatusCode.BadRequest);
        wrongType.GetProperty("errors").EnumerateObject().ShouldNotBeEmpty();
        var otherKey = await ReadAsync(await admin.PostAsJsonAsync($"/api/v1/scorecards/{key}/drafts", new { scorecard = Card("another", [(null, null, 1m)]) }),
            HttpStatusCode.BadRequest);
        otherKey.GetProperty("errors").TryGetProperty("key", out _).ShouldBeTrue();
        (await analyst.PostAsJsonAsync($"/api/v1/scorecards/{Pool}/drafts", new { copyOfPublished = true })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.Anonymous().GetAsync("/api/v1/scorecards")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_candidate_registers_once_sees_the_explained_score_and_another_migrant_gets_404(Provider provider)
    {
        var app = await apps.For(provider);
        var s = new SelectionScenario(app);
        using var migrant = await s.NewMigrantAsync();
        using var other = await s.NewMigrantAsync();
        // 2511 (software developer) is in demand; KZ-59 is on the labour-deficit list; 650,000 KZT is in the 600,000–999,999 band.
        var candidate = await ReadAsync(await migrant.PostAsJsonAsync("/api/v1/candidates", Profile("2511", region: "KZ-59", salary: 650_000)),
            HttpStatusCode.Created);
        var id = candidate.GetProperty("id").GetString();
        candidate.GetProperty("channel").GetString().ShouldBe("self_service");
        (await migrant.PostAsJsonAsync("/api/v1/candidates", Profile("2511"))).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var score = await ReadAsync(await migrant.GetAsync($"/api/v1/candidates/{id}/score"), HttpStatusCode.OK);
        score.GetProperty("scorecardKey").GetString().ShouldBe(Pool);
        var criteria = score.GetProperty("criteria").EnumerateArray().ToDictionary(c => c.GetProperty("key").GetString()!);
        // age 30 → 30; bachelor → 25; 6 years → 15; languages 10 + 20 + 10 = 40 capped at 35 (English loses 5);
        // in demand → 20; offer in a deficit region → 15; salary 650,000 → 15. Total 30+25+15+35+20+15+15 = 155.
        criteria["age"].GetProperty("value").GetDouble().ShouldBe(30);
        criteria["age"].GetProperty("pointsAfterCap").GetDecimal().ShouldBe(30m);
        criteria["education"].GetProperty("bandLabel").GetString().ShouldBe("Bachelor");
        criteria["english"].GetProperty("pointsAfterCap").GetDecimal().ShouldBe(5m);
        criteria["inDemandOccupation"].GetProperty("value").GetString().ShouldBe("yes");
        criteria["deficitRegionOffer"].GetProperty("value").GetString().ShouldBe("yes");
        criteria["salary"].GetProperty("points").GetDecimal().ShouldBe(15m);
        score.GetProperty("total").GetDecimal().ShouldBe(155m);
        score.GetProperty("passed").GetBoolean().ShouldBeTrue();
        score.GetProperty("howToImprove").EnumerateArray().Select(a => a.GetProperty("criterionKey").GetString()).ShouldContain("education");

        (await other.GetAsync($"/api/v1/candidates/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.GetAsync($"/api/v1/candidates/{id}/score")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var admin = await app.As(Demo.Admin);
        (await admin.GetAsync($"/api/v1/candidates/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var employer = await app.As(Demo.Employer);
        (await employer.GetAsync($"/api/v1/candidates/{id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Bad_profile_input_is_400_naming_each_field_and_creates_nothing(Provider provider)
    {
        var app = await apps.For(provider);
        using var admin = await app.As(Demo.Admin);
        var before = (await ReadAsync(await admin.GetAsync("/api/v1/candidates?pageSize=1"), HttpStatusCode.OK)).GetProperty("total").GetInt32();
        var body = Profile("0000", education: "phd");
        body["kazakhLevel"] = "D1";
        body["jobOfferRegionCode"] = "KZ-35";
        body["birthDate"] = null;
        var problem = await ReadAsync(await admin.PostAsJsonAsync("/api/v1/candidates", body), HttpStatusCode.BadRequest);
        var fields = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
        fields.ShouldBe(["birthDate", "education", "kazakhLevel", "occupationCode", "offeredMonthlySalaryKzt"], ignoreOrder: true);
        (await ReadAsync(await admin.GetAsync("/api/v1/candidates?pageSize=1"), HttpStatusCode.OK)).GetProperty("total").GetInt32().ShouldBe(before);
        (await admin.GetAsync("/api/v1/candidates?pageSize=501")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_round_breaks_a_tie_at_the_cut_off_by_the_earlier_profile_and_cannot_run_twice(Provider provider)
    {
        var app = await apps.For(provider);
        var occupation = FreeOccupation(provider);
        using var admin = await app.As(Demo.Admin);
        // Four candidates of the test's own occupation, registered one after another, the app's clock a second on each time
        // (so profile timestamps increase): a master (30 + 30 + 15 + 35 = 110 points) and three identical bachelors (105 points).
        var ids = new List<string>();
        foreach (var education in new[] { "bachelor", "master", "bachelor", "bachelor" })
        {
            var c = await ReadAsync(await admin.PostAsJsonAsync("/api/v1/candidates", Profile(occupation, education)), HttpStatusCode.Created);
            ids.Add(c.GetProperty("id").GetString()!);
            app.Clock.Advance(TimeSpan.FromSeconds(1));
        }
        var name = "tie " + Guid.NewGuid().ToString("N")[..6];
        var round = await ReadAsync(await admin.PostAsJsonAsync("/api/v1/selection/rounds",
            new { roundKey = name, invitations = 3, occupationCodes = new[] { occupation } }), HttpStatusCode.Created);
        round.GetProperty("invitedCount").GetInt32().ShouldBe(3);
        round.GetProperty("eligibleCount").GetInt32().ShouldBe(4);
        round.GetProperty("cutOffScore").GetDecimal().ShouldBe(105m);
        round.GetProperty("scorecardVersion").GetInt32().ShouldBeGreaterThanOrEqualTo(1);
        round.GetProperty("tieBreakExplanation").GetString()!.ShouldStartWith("3 eligible candidates scored exactly the cut-off of 105; the 2 with the earliest");
        var applyBy = DateOnly.Parse(round.GetProperty("applyBy").GetString()!);
        applyBy.ShouldBe(DateOnly.Parse(round.GetProperty("roundDate").GetString()!).AddDays(60));

        var detail = await ReadAsync(await admin.GetAsync($"/api/v1/selection/rounds/{round.GetProperty("id").GetString()}"), HttpStatusCode.OK);
        // Invited in order: the master first, then the two earlier bachelors; the last bachelor (latest timestamp) is left out.
        detail.GetProperty("invitations").EnumerateArray().Select(i => i.GetProperty("candidateId").GetString()).ShouldBe([ids[1], ids[0], ids[2]]);

        var again = await ReadAsync(await admin.PostAsJsonAsync("/api/v1/selection/rounds",
            new { roundKey = name, invitations = 3, occupationCodes = new[] { occupation } }), HttpStatusCode.Conflict);
        again.GetProperty("detail").GetString()!.ShouldContain("already ran today");

        // The next round (another name) sees only the one candidate not yet invited.
        var next = await ReadAsync(await admin.PostAsJsonAsync("/api/v1/selection/rounds",
            new { roundKey = name + " b", invitations = 3, occupationCodes = new[] { occupation } }), HttpStatusCode.Created);
        next.GetProperty("invitedCount").GetInt32().ShouldBe(1);

        using var anonymous = app.Anonymous();
        var published = await ReadAsync(await anonymous.GetAsync("/api/v1/selection/rounds?pageSize=500"), HttpStatusCode.OK);
        published.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("roundKey").GetString()).ShouldContain(name);
        var publicDetail = await ReadAsync(await anonymous.GetAsync($"/api/v1/selection/rounds/{round.GetProperty("id").GetString()}"), HttpStatusCode.OK);
        publicDetail.GetProperty("invitations").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task An_invited_self_service_candidate_is_notified_with_the_deadline_and_the_idempotency_key_replays(Provider provider)
    {
        var app = await apps.For(provider);
        var s = new SelectionScenario(app);
        var occupation = FreeOccupation(provider);
        using var migrant = await s.NewMigrantAsync();
        var id = (await ReadAsync(await migrant.PostAsJsonAsync("/api/v1/candidates", Profile(occupation)), HttpStatusCode.Created)).GetProperty("id").GetString();
        using var admin = await app.As(Demo.Admin);
        var body = new { roundKey = "notify " + Guid.NewGuid().ToString("N")[..6], invitations = 5, occupationCodes = new[] { occupation } };
        using var first = new HttpRequestMessage(HttpMethod.Post, "/api/v1/selection/rounds") { Content = JsonContent.Create(body) };
        first.Headers.Add("Idempotency-Key", "round-" + Guid.NewGuid());
        var key = first.Headers.GetValues("Idempotency-Key").Single();
        var created = await ReadAsync(await admin.SendAsync(first), HttpStatusCode.Created);
        using var repeat = new HttpRequestMessage(HttpMethod.Post, "/api/v1/selection/rounds") { Content = JsonContent.Create(body) };
        repeat.Headers.Add("Idempotency-Key", key);
        var replayed = await ReadAsync(await admin.SendAsync(repeat), HttpStatusCode.Created);
        replayed.GetProperty("id").GetString().ShouldBe(created.GetProperty("id").GetString());

        var profile = await ReadAsync(await migrant.GetAsync($"/api/v1/candidates/{id}"), HttpStatusCode.OK);
        profile.GetProperty("invitation").GetProperty("applyBy").GetString().ShouldBe(created.GetProperty("applyBy").GetString());
        // In-app notifications appear once the background dispatcher has delivered them: wait, with a deadline generous
        // enough for a machine busy with other tests (the PostgreSQL race test runs two app processes meanwhile).
        var expected = "Apply by " + created.GetProperty("applyBy").GetString();
        await Qonys.IntegrationTests.Platform.PlatformTestKit.EventuallyAsync(async () =>
            (await ReadAsync(await migrant.GetAsync("/api/v1/notifications"), HttpStatusCode.OK)).GetRawText().Contains(expected, StringComparison.Ordinal),
            "the invitation notification saying " + expected);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Rounds_are_for_administrators_and_bad_round_input_is_400(Provider provider)
    {
        var app = await apps.For(provider);
        var s = new SelectionScenario(app);
        using var migrant = await s.NewMigrantAsync();
        using var analyst = await app.As(Demo.Analyst);
        var body = new { roundKey = "forbidden", invitations = 1, occupationCodes = new[] { "9412" } };
        (await migrant.PostAsJsonAsync("/api/v1/selection/rounds", body)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await analyst.PostAsJsonAsync("/api/v1/selection/rounds", body)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var admin = await app.As(Demo.Admin);
        var problem = await ReadAsync(await admin.PostAsJsonAsync("/api/v1/selection/rounds",
            new { roundKey = "", invitations = 0, occupationCodes = new[] { "12" }, regionCodes = new[] { "KZ-00" } }), HttpStatusCode.BadRequest);
        problem.GetProperty("errors").EnumerateObject().Select(p => p.Name)
            .ShouldBe(["roundKey", "invitations", "occupationCodes[0]", "regionCodes[0]"], ignoreOrder: true);
        (await admin.PostAsync("/api/v1/selection/rounds", new StringContent("{\"invitations\": \"ten\"}", System.Text.Encoding.UTF8, "application/json")))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task What_if_shows_who_enters_and_leaves_under_a_draft_and_analysts_may_run_it(Provider provider)
    {
        var app = await apps.For(provider);
        var occupation = FreeOccupation(provider);
        using var admin = await app.As(Demo.Admin);
        // Two candidates of the test's occupation: A (vocational, 30 + 15 + 15 + 35 = 95) and B (bachelor, 105).
        var a = (await ReadAsync(await admin.PostAsJsonAsync("/api/v1/candidates", Profile(occupation, "vocational")), HttpStatusCode.Created))
            .GetProperty("id").GetString();
        var b = (await ReadAsync(await admin.PostAsJsonAsync("/api/v1/candidates", Profile(occupation, "bachelor")), HttpStatusCode.Created))
            .GetProperty("id").GetString();
        var draft = await ReadAsync(await admin.PostAsJsonAsync($"/api/v1/scorecards/{Pool}/drafts", new { copyOfPublished = true }), HttpStatusCode.Created);
        var version = draft.GetProperty("version").GetInt32();
        // The draft gives vocational education 40 points instead of 15: A would have 120 and overtake B.
        var definition = JsonNode(draft.GetProperty("definition"));
        var education = definition["criteria"]!.AsArray().First(c => (string?)c!["key"] == "education")!;
        education["bands"]!.AsArray().First(band => band!["values"]!.AsArray().Any(v => (string?)v == "vocational"))!["points"] = 40;
        await ReadAsync(await admin.PutAsJsonAsync($"/api/v1/scorecards/{Pool}/drafts/{version}", definition), HttpStatusCode.OK);

        using var analyst = await app.As(Demo.Analyst);
        var whatIf = await ReadAsync(await analyst.PostAsJsonAsync($"/api/v1/scorecards/{Pool}/drafts/{version}/what-if",
            new { invitations = 1, occupationCodes = new[] { occupation } }), HttpStatusCode.OK);
        whatIf.GetProperty("entering").EnumerateArray().Single().GetProperty("candidateId").GetString().ShouldBe(a);
        whatIf.GetProperty("entering")[0].GetProperty("newScore").GetDecimal().ShouldBe(120m);
        whatIf.GetProperty("leaving").EnumerateArray().Single().GetProperty("candidateId").GetString().ShouldBe(b);
        whatIf.GetProperty("publishedCutOff").GetDecimal().ShouldBe(105m);
        whatIf.GetProperty("draftCutOff").GetDecimal().ShouldBe(120m);
        whatIf.GetProperty("before").GetProperty("counts").EnumerateArray().Sum(c => c.GetInt32()).ShouldBe(whatIf.GetProperty("poolSize").GetInt32());
        (await analyst.PostAsync($"/api/v1/scorecards/{Pool}/drafts/{version}/publish", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var migrant = await new SelectionScenario(app).NewMigrantAsync();
        (await migrant.PostAsJsonAsync($"/api/v1/scorecards/{Pool}/drafts/{version}/what-if", new { invitations = 1 })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await analyst.PostAsJsonAsync($"/api/v1/scorecards/{Pool}/drafts/{version}/what-if", new { invitations = 0 })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Ata_Zholy_eligibility_is_list_based_and_an_eligible_application_gets_a_card_of_up_to_10_years(Provider provider)
    {
        var app = await apps.For(provider);
        var s = new SelectionScenario(app);
        using var migrant = await s.NewMigrantAsync();
        var check = await ReadAsync(await migrant.PostAsJsonAsync("/api/v1/ata-zholy/eligibility", new { profession = " Physician " }), HttpStatusCode.OK);
        check.GetProperty("eligible").GetBoolean().ShouldBeTrue();
        check.GetProperty("cardTermYears").GetInt32().ShouldBe(10);
        var refused = await ReadAsync(await migrant.PostAsJsonAsync("/api/v1/ata-zholy/applications",
            new { fullName = "A", birthDate = "1985-02-03", citizenship = "TR", profession = "juggler" }), (HttpStatusCode)422);
        refused.GetProperty("rule").GetString().ShouldBe("ata_zholy_eligibility");
        var applied = await ReadAsync(await migrant.PostAsJsonAsync("/api/v1/ata-zholy/applications",
            new { fullName = "A", birthDate = "1985-02-03", citizenship = "TR", profession = "physician", termYears = 5 }), HttpStatusCode.Created);
        applied.GetProperty("termYears").GetInt32().ShouldBe(5);
        var validFrom = DateOnly.Parse(applied.GetProperty("validFrom").GetString()!);
        DateOnly.Parse(applied.GetProperty("validUntil").GetString()!).ShouldBe(validFrom.AddYears(5).AddDays(-1));
        (await migrant.PostAsJsonAsync("/api/v1/ata-zholy/applications",
            new { fullName = "A", birthDate = "1985-02-03", citizenship = "TR", profession = "physician", termYears = 11 })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var other = await s.NewMigrantAsync();
        (await other.GetAsync($"/api/v1/ata-zholy/applications/{applied.GetProperty("id").GetString()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    static System.Text.Json.Nodes.JsonNode JsonNode(JsonElement e) => System.Text.Json.Nodes.JsonNode.Parse(e.GetRawText())!;

    /// <summary>A one-criterion numeric scorecard with the given bands (min, max, points).</summary>
    static object Card(string key, (decimal? Min, decimal? Max, decimal Points)[] bands) => new
    {
        key, version = 1, effectiveFrom = "2026-01-01", title = "Test card",
        criteria = new[]
        {
            new
            {
                key = "age", title = "Age", fact = "age", kind = "numeric",
                bands = bands.Select((b, i) => new { min = b.Min, max = b.Max, points = b.Points, label = "band " + i }).ToArray(),
            },
        },
    };
}
