namespace Qonys.IntegrationTests.Security;

/// <summary>
/// Issue 11, point 10: 9 parallel <c>POST /api/v1/reference/rule-values</c> for one rule with different
/// <c>effectiveFrom</c> left overlapping periods and 3 open-ended ones. Edits of one rule are now serialised, so
/// whatever order they run in, the rule's periods stay a partition: each ends the day before the next begins, and only
/// the last is open-ended.
/// </summary>
public sealed class RuleValueConcurrencyTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task Nine_parallel_edits_of_one_rule_leave_its_periods_a_partition(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider); // an app of its own: the rule's history changes
        using var admin = await app.As(Demo.Admin);
        var before = (await admin.GetFromJsonAsync<List<RuleValueBody>>("/api/v1/reference/rule-values"))!;
        var key = before.GroupBy(r => r.Key).OrderBy(g => g.Key, StringComparer.Ordinal).First().Key;
        var start = new[] { app.Clock.Today, before.Where(r => r.Key == key).Max(r => r.EffectiveFrom) }.Max();

        for (var round = 0; round < 3; round++)
        {
            var dates = Enumerable.Range(1, 9).Select(i => start.AddDays(round * 100 + i * 7)).OrderBy(_ => Random.Shared.Next()).ToList();
            var responses = await Task.WhenAll(dates.Select((from, i) =>
            {
                var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/reference/rule-values")
                {
                    Content = JsonContent.Create(new { key, effectiveFrom = from.ToString("yyyy-MM-dd"), value = 1000 + i, source = "concurrency test" }),
                };
                if (i % 2 == 0) request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString()); // both paths: keyed and not
                return admin.SendAsync(request);
            }));

            var texts = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
            for (var i = 0; i < responses.Length; i++)
                responses[i].StatusCode.ShouldBeOneOf([HttpStatusCode.Created, HttpStatusCode.Conflict], texts[i]);
            var created = responses.Count(r => r.StatusCode == HttpStatusCode.Created);
            created.ShouldBeGreaterThanOrEqualTo(1);

            var periods = (await admin.GetFromJsonAsync<List<RuleValueBody>>("/api/v1/reference/rule-values"))!
                .Where(r => r.Key == key).OrderBy(r => r.EffectiveFrom).ToList();
            var shown = string.Join("\n", periods.Select(p => $"{p.EffectiveFrom:yyyy-MM-dd} – {p.EffectiveTo:yyyy-MM-dd}"));
            for (var i = 0; i < periods.Count - 1; i++)
                periods[i].EffectiveTo.ShouldBe(periods[i + 1].EffectiveFrom.AddDays(-1), shown);
            periods[^1].EffectiveTo.ShouldBeNull(shown);
            periods.Count(p => p.EffectiveTo is null).ShouldBe(1, shown);
            // Every accepted edit is one period: none lost, none doubled.
            periods.Count.ShouldBe(before.Count(r => r.Key == key) + created, shown);
            before = (await admin.GetFromJsonAsync<List<RuleValueBody>>("/api/v1/reference/rule-values"))!;
            start = periods[^1].EffectiveFrom;
        }
    }

    sealed record RuleValueBody(string Key, DateOnly EffectiveFrom, DateOnly? EffectiveTo, decimal Value);
}
