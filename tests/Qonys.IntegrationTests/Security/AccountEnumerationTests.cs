using System.Diagnostics;
using System.Net.Sockets;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Qonys.Web.Platform.Auth;
using static Qonys.IntegrationTests.Platform.PlatformTestKit;

namespace Qonys.IntegrationTests.Security;

/// <summary>
/// Issue 11, point 7: an unknown e-mail answered in 1.3 ms and a real one in 114 ms; "Account locked" confirmed the
/// account; anyone locked any account with 5 requests; a bearer token issued before a lock-out kept working.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed class AccountEnumerationTests(Apps apps)
{
    /// <summary>A client whose connections come from another loopback address (127.0.0.2): another source.</summary>
    static HttpClient FromOtherAddress(TestApp app) => new(new SocketsHttpHandler
    {
        ConnectCallback = async (context, ct) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(IPAddress.Parse("127.0.0.2"), 0));
            await socket.ConnectAsync(context.DnsEndPoint, ct);
            return new NetworkStream(socket, ownsSocket: true);
        },
    }) { BaseAddress = app.BaseAddress };

    static Task<HttpResponseMessage> TokenAsync(HttpClient client, string email, string password) =>
        client.PostAsJsonAsync("/api/v1/auth/token", new { email, password });

    static string Unknown() => $"nobody-{Guid.NewGuid():N}@test.qonys.kz";

    static async Task<string> Answer(HttpResponseMessage response)
    {
        var problem = await response.ShouldBeProblem(HttpStatusCode.Unauthorized);
        return string.Join("|", problem.GetProperty("type").GetString(), problem.GetProperty("title").GetString(),
            System.Text.RegularExpressions.Regex.Replace(problem.GetProperty("detail").GetString()!, "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d", "(time)"));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Known_and_unknown_addresses_get_the_same_answers_and_take_as_long(Provider provider)
    {
        var app = await apps.For(provider);
        using var client = app.Anonymous();
        var known = new List<string>();
        for (var i = 0; i < 5; i++) known.Add((await app.CreateUserAsync()).Email);
        (await TokenAsync(client, Unknown(), "warm-up")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        // Alternating first attempts (no throttle delay yet for any of them), timed from the client.
        var (knownTimes, unknownTimes) = (new List<double>(), new List<double>());
        string? knownAnswer = null, unknownAnswer = null;
        foreach (var email in known)
        {
            var watch = Stopwatch.StartNew();
            var a = await TokenAsync(client, email, "wrong-password");
            knownTimes.Add(watch.Elapsed.TotalMilliseconds);
            watch.Restart();
            var b = await TokenAsync(client, Unknown(), "wrong-password");
            unknownTimes.Add(watch.Elapsed.TotalMilliseconds);
            knownAnswer = await Answer(a);
            unknownAnswer = await Answer(b);
        }
        unknownAnswer.ShouldBe(knownAnswer);
        double Median(List<double> xs) => xs.Order().ElementAt(xs.Count / 2);
        var (k, u) = (Median(knownTimes), Median(unknownTimes));
        (u / k).ShouldBeInRange(0.5, 2.0, $"median {k:F1} ms for known, {u:F1} ms for unknown addresses");

        // The lock-out answer is the same too, for an account and for an address that is none.
        var unknown = Unknown();
        for (var i = 0; i < 5; i++)
        {
            (await TokenAsync(client, known[0], "wrong-" + i)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            (await TokenAsync(client, unknown, "wrong-" + i)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }
        var lockedKnown = await Answer(await TokenAsync(client, known[0], "wrong"));
        lockedKnown.ShouldContain("locked");
        (await Answer(await TokenAsync(client, unknown, "wrong"))).ShouldBe(lockedKnown);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Guessing_from_another_address_locks_out_that_address_only_and_revokes_earlier_tokens(Provider provider)
    {
        var app = await apps.For(provider);
        var (_, email, password) = await app.CreateUserAsync();
        using var owner = app.Anonymous();
        using var attacker = FromOtherAddress(app);
        using var earlier = await app.WithTokenAsync(email, password);
        (await earlier.GetAsync("/api/v1/notifications")).StatusCode.ShouldBe(HttpStatusCode.OK);

        for (var i = 0; i < 5; i++) (await TokenAsync(attacker, email, "guess-" + i)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        // The attacker's address is locked out, even with the right password …
        (await Answer(await TokenAsync(attacker, email, password))).ShouldContain("locked");
        // … the owner, from their own address, is not; the token issued before the lock-out no longer works.
        (await TokenAsync(owner, email, password)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await earlier.GetAsync("/api/v1/notifications")).ShouldBeProblem(HttpStatusCode.Unauthorized);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_password_change_revokes_earlier_tokens(Provider provider)
    {
        var app = await apps.For(provider);
        var (id, email, password) = await app.CreateUserAsync();
        using var earlier = await app.WithTokenAsync(email, password);
        (await earlier.GetAsync("/api/v1/notifications")).StatusCode.ShouldBe(HttpStatusCode.OK);

        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var changed = await users.ChangePasswordAsync((await users.FindByIdAsync(id.ToString()))!, password, password + "-new");
            changed.Succeeded.ShouldBeTrue();
        }

        await (await earlier.GetAsync("/api/v1/notifications")).ShouldBeProblem(HttpStatusCode.Unauthorized);
        using var again = await app.WithTokenAsync(email, password + "-new");
        (await again.GetAsync("/api/v1/notifications")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
