using Microsoft.EntityFrameworkCore;
using Qonys.Web.Modules.Registry.Domain;
using Qonys.Web.Platform.Audit;
using static Qonys.IntegrationTests.Platform.PlatformTestKit;

namespace Qonys.IntegrationTests.Platform;

/// <summary>Idempotency-Key under concurrency and per caller (replay and reuse with another body: EmployersApiTests).</summary>
[Collection(AppsCollection.Name)]
public sealed class IdempotencyTests(Apps apps)
{
    static HttpRequestMessage Post(object body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/employers") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    static Task<int> RegistrationsAsync(TestApp app, string bin) => app.WithDbAsync(db =>
        db.Set<AuditEntry>().CountAsync(e => e.Type == PlatformAuditEvents.EmployerRegistered.Code && e.EntityId == bin));

    [Theory, OnSqlite, OnPostgres]
    public async Task Two_concurrent_requests_with_one_key_register_once(Provider provider)
    {
        var app = await apps.For(provider);
        using var admin = await app.As(Demo.Admin);
        for (var round = 0; round < 5; round++)
        {
            var bin = Demo.NewBin();
            var key = Guid.NewGuid().ToString();

            var responses = await Task.WhenAll(admin.SendAsync(Post(NewEmployer(bin), key)), admin.SendAsync(Post(NewEmployer(bin), key)));

            var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
            responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBeGreaterThanOrEqualTo(1, string.Join("\n", bodies));
            var other = responses.Single(r => r != responses.First(x => x.StatusCode == HttpStatusCode.Created));
            if (other.StatusCode == HttpStatusCode.Created)
            {
                bodies[0].ShouldBe(bodies[1]);
            }
            else
            {
                // The idempotency layer refused it (409 "still being processed"), not the use case ("already registered").
                var problem = await other.ShouldBeProblem(HttpStatusCode.Conflict);
                problem.GetProperty("type").GetString()!.ShouldEndWith("idempotency-conflict");
            }
            (await RegistrationsAsync(app, bin)).ShouldBe(1);
            (await app.WithDbAsync(db => db.Set<Employer>().CountAsync(e => e.Bin == bin))).ShouldBe(1);
        }
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Keys_belong_to_their_caller(Provider provider)
    {
        var app = await apps.For(provider);
        using var admin = await app.As(Demo.Admin);
        using var officer = await app.As(Demo.OfficerKaraganda);
        var key = Guid.NewGuid().ToString();
        var (adminBin, officerBin) = (Demo.NewBin(), Demo.NewBin());

        (await admin.SendAsync(Post(NewEmployer(adminBin), key))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var officers = await officer.SendAsync(Post(NewEmployer(officerBin), key));

        officers.StatusCode.ShouldBe(HttpStatusCode.Created); // not the admin's replay, not a 422 for "another body"
        (await officers.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("bin").GetString().ShouldBe(officerBin);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_refused_request_is_replayed_as_refused_and_writes_nothing(Provider provider)
    {
        var app = await apps.For(provider);
        using var admin = await app.As(Demo.Admin);
        var bin = Demo.NewBin();
        var key = Guid.NewGuid().ToString();
        var invalid = NewEmployer(bin, region: "KZ-00");

        var first = await admin.SendAsync(Post(invalid, key));
        var again = await admin.SendAsync(Post(invalid, key));

        await first.ShouldBeProblem(HttpStatusCode.BadRequest);
        again.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await again.Content.ReadAsStringAsync()).ShouldBe(await first.Content.ReadAsStringAsync());
        (await RegistrationsAsync(app, bin)).ShouldBe(0);
    }
}
