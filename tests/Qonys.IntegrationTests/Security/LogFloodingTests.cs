using System.Text;
using static Qonys.IntegrationTests.Platform.PlatformTestKit;

namespace Qonys.IntegrationTests.Security;

/// <summary>
/// Issue 11, point 13: expected conditions (an idempotent replay, bad input, refusals) write no error entries — every
/// replay used to write two EF Core "fail" entries with stack traces — and an unhandled exception's entry names its
/// route instead of "(no route)".
/// </summary>
public sealed class LogFloodingTests
{
    static HttpRequestMessage Register(string bin, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/employers") { Content = JsonContent.Create(NewEmployer(bin)) };
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task An_idempotent_replay_and_other_expected_conditions_log_no_errors(Provider provider)
    {
        var logs = new CapturedLogs();
        await using var app = await TestApp.StartAsync(provider, logs: logs);
        using var admin = await app.As(Demo.Admin);
        using var analyst = await app.As(Demo.Analyst);
        var bin = Demo.NewBin();
        var key = Guid.NewGuid().ToString();
        var mark = logs.Entries.Count;

        (await admin.SendAsync(Register(bin, key))).StatusCode.ShouldBe(HttpStatusCode.Created);
        for (var i = 0; i < 3; i++)
        {
            var replay = await admin.SendAsync(Register(bin, key));
            replay.StatusCode.ShouldBe(HttpStatusCode.Created);
            replay.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        }
        (await admin.PostAsJsonAsync("/api/v1/employers", NewEmployer(bin))).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await admin.PostAsync("/api/v1/employers", new StringContent("{\"bin\": ", Encoding.UTF8, "application/json"))).StatusCode
            .ShouldBe(HttpStatusCode.BadRequest);
        (await analyst.PostAsJsonAsync("/api/v1/employers", NewEmployer(Demo.NewBin()))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.Anonymous().GetAsync("/api/v1/employers/" + bin)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await admin.GetAsync("/api/v1/employers/" + Demo.NewBin())).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        logs.ErrorsSince(mark).ShouldBeEmpty();
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task An_unhandled_exception_is_logged_once_with_its_route(Provider provider)
    {
        var logs = new CapturedLogs();
        await using var app = await TestApp.StartAsync(provider, logs: logs);
        using var admin = await app.As(Demo.Admin);
        var mark = logs.Entries.Count;

        await app.SqlAsync("ALTER TABLE registry_employers RENAME TO registry_employers_away");
        var failed = await admin.GetAsync("/api/v1/employers/" + Demo.NewBin());
        await app.SqlAsync("ALTER TABLE registry_employers_away RENAME TO registry_employers");

        await failed.ShouldBeProblem(HttpStatusCode.InternalServerError);
        var unhandled = logs.ErrorsSince(mark).Where(e => e.Category.EndsWith(nameof(Qonys.Web.Platform.Errors.ProblemExceptionHandler), StringComparison.Ordinal)).ToList();
        unhandled.Count.ShouldBe(1, string.Join("\n", logs.ErrorsSince(mark)));
        unhandled[0].Message.ShouldBe("Unhandled exception on GET /api/v1/employers/{bin}");
        unhandled[0].Exception.ShouldNotBeNull();
    }
}
