using System.Text.Json.Nodes;
using static Qonys.IntegrationTests.Platform.PlatformTestKit;

namespace Qonys.IntegrationTests.Security;

/// <summary>
/// Issue 11, point 9: <c>PUT /api/v1/scorecards/skilled-migrant-pool/drafts/3</c> with <c>"criteria": [null]</c> (and
/// <c>groups</c>, <c>bands</c>, and the same on <c>POST …/drafts</c>) was a 500. A null element of a list is now a
/// 400 naming it, for every request body (the generated sweep over every route is <see cref="MalformedBodyTests"/>).
/// </summary>
[Collection(AppsCollection.Name)]
public sealed class NullElementTests(Apps apps)
{
    const string Pool = "/api/v1/scorecards/skilled-migrant-pool";

    [Theory, OnSqlite, OnPostgres]
    public async Task A_null_criterion_group_or_band_in_a_scorecard_draft_is_a_400_naming_it(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var admin = await app.As(Demo.Admin);
        for (var version = 2; version <= 3; version++) // drafts 2 and 3, copies of the published version 1
            (await admin.PostAsJsonAsync(Pool + "/drafts", new { copyOfPublished = true })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var published = (await admin.GetFromJsonAsync<JsonObject>(Pool + "/versions/1"))!["definition"]!.AsObject();

        JsonObject With(Action<JsonObject> change)
        {
            var card = published.DeepClone().AsObject();
            card["version"] = 3;
            change(card);
            return card;
        }
        var cases = new (string Name, JsonObject Card, string Named)[]
        {
            ("criteria", With(c => c["criteria"] = new JsonArray((JsonNode?)null)), "criteria[0]"),
            ("groups", With(c => c["groups"] = new JsonArray((JsonNode?)null)), "groups[0]"),
            ("bands", With(c => c["criteria"]![1]!["bands"] = new JsonArray((JsonNode?)null)), "bands[0]"),
        };
        foreach (var (name, card, named) in cases)
        {
            var put = await (await admin.PutAsJsonAsync(Pool + "/drafts/3", card)).ShouldBeProblem(HttpStatusCode.BadRequest);
            put.ToString().ShouldContain(named, customMessage: name);
            var post = await (await admin.PostAsJsonAsync(Pool + "/drafts", new JsonObject { ["scorecard"] = card.DeepClone() }))
                .ShouldBeProblem(HttpStatusCode.BadRequest);
            post.ToString().ShouldContain(named, customMessage: name);
        }
        // Draft 3 is unchanged, and no draft 4 was created.
        (await admin.GetFromJsonAsync<JsonObject>(Pool + "/versions/3"))!["definition"]!["criteria"]!.AsArray().Count
            .ShouldBe(published["criteria"]!.AsArray().Count);
        (await admin.GetAsync(Pool + "/versions/4")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_null_element_in_a_bound_request_body_is_a_400_naming_the_element(Provider provider)
    {
        var app = await apps.For(provider);
        using var admin = await app.As(Demo.Admin);

        // A what-if request is read by the API's JSON binding (not the scorecard reader): its lists are guarded too,
        // before the use case runs.
        var problem = await (await admin.PostAsync(Pool + "/drafts/2/what-if", new StringContent(
            """{"invitations": 10, "occupationCodes": ["2512", null]}""", System.Text.Encoding.UTF8, "application/json")))
            .ShouldBeProblem(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").TryGetProperty("occupationCodes[1]", out _).ShouldBeTrue(problem.ToString());

        // Found by the sweep: a NUL character in a string reached PostgreSQL, which cannot store it (500).
        var nul = await (await admin.PutAsync("/api/v1/quotas/2025/KZ-10/1", new StringContent(
            "{\"cap\": 27, \"reason\": \"a\\u0000b\"}", System.Text.Encoding.UTF8, "application/json"))).ShouldBeProblem(HttpStatusCode.BadRequest);
        nul.GetProperty("errors").TryGetProperty("reason", out _).ShouldBeTrue(nul.ToString());
    }
}
