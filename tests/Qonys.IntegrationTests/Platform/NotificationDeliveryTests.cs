using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Qonys.Web.Platform.Data;
using Qonys.Web.Platform.Notifications;
using static Qonys.IntegrationTests.Platform.PlatformTestKit;

namespace Qonys.IntegrationTests.Platform;

/// <summary>
/// Notifications that always arrive: failover between a channel's providers, the back-off schedule over 72 hours on a
/// clock the test moves, the visible "failed" state, the generic HTTP SMS client against a real local HTTP server, one
/// send per message with two dispatchers at once, and a person's channels and language.
/// </summary>
public sealed class NotificationDeliveryTests
{
    static readonly Dictionary<string, string?> NoJobs = new() { ["Qonys:Jobs:RunBackgroundJobs"] = "false" };

    /// <summary>A clock the test moves by hand.</summary>
    sealed class SettableClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    sealed class FailingGateway(string name) : IEmailGateway
    {
        public int Calls;
        public string Name => name;

        public Task SendAsync(EmailMessage message, CancellationToken ct)
        {
            Interlocked.Increment(ref Calls);
            throw new TimeoutException("connection to the mail relay timed out");
        }
    }

    /// <summary>Counts the sends of each message id; a short pause gives another dispatcher time to race for the same row.</summary>
    sealed class CountingGateway(string name) : IEmailGateway
    {
        public ConcurrentDictionary<Guid, int> Sends { get; } = new();
        public string Name => name;

        public async Task SendAsync(EmailMessage message, CancellationToken ct)
        {
            Sends.AddOrUpdate(message.Id, 1, (_, n) => n + 1);
            await Task.Delay(5, ct);
        }
    }

    static async Task<Guid> QueueEmailAsync(TestApp app, Guid userId, string email)
    {
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<Notifier>().Notify(userId, email, "Case decided", "The body", "/notifications");
        await scope.ServiceProvider.GetRequiredService<AppDb>().SaveChangesAsync();
        return await app.WithDbAsync(db => db.Set<Notification>().Where(n => n.UserId == userId && n.Channel == NotificationChannels.Email)
            .Select(n => n.Id).SingleAsync());
    }

    static Task<Notification> RowAsync(TestApp app, Guid id) =>
        app.WithDbAsync(db => db.Set<Notification>().AsNoTracking().SingleAsync(n => n.Id == id));

    static async Task<int> DispatchAsync(TestApp app, NotificationGateways gateways, TimeProvider clock)
    {
        using var scope = app.Services.CreateScope();
        return await NotificationTests.Dispatcher(scope, gateways, clock).DispatchBatchAsync(CancellationToken.None);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_failing_provider_hands_over_to_the_next_and_the_status_names_the_one_that_sent(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider, NoJobs);
        var (userId, email, password) = await app.CreateUserAsync();
        var id = await QueueEmailAsync(app, userId, email);
        var primary = new FailingGateway("relay-a");
        var secondary = new CountingGateway("relay-b");

        await DispatchAsync(app, new NotificationGateways([primary, secondary], []), TimeProvider.System);

        primary.Calls.ShouldBe(1);
        secondary.Sends[id].ShouldBe(1);
        var row = await RowAsync(app, id);
        row.Status.ShouldBe(NotificationStatus.Delivered);
        row.Provider.ShouldBe("relay-b");
        row.LastError!.ShouldContain("relay-a");
        using var user = await app.WithTokenAsync(email, password);
        var mine = await user.GetFromJsonAsync<JsonElement>("/api/v1/notifications/deliveries");
        var item = mine.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == id);
        item.GetProperty("status").GetString().ShouldBe("delivered");
        item.GetProperty("provider").GetString().ShouldBe("relay-b");
        item.GetProperty("channel").GetString().ShouldBe("email");
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Retries_back_off_exponentially_for_72_hours_then_the_message_is_visibly_failed(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider, NoJobs);
        var (userId, email, password) = await app.CreateUserAsync();
        var id = await QueueEmailAsync(app, userId, email);
        var created = (await RowAsync(app, id)).CreatedAt;
        var clock = new SettableClock(new DateTimeOffset(created, TimeSpan.Zero));
        var failing = new FailingGateway("relay-a");
        var gateways = new NotificationGateways([failing], []);

        var attemptsAt = new List<DateTime>();
        Notification row;
        while (true)
        {
            attemptsAt.Add(clock.Now.UtcDateTime);
            await DispatchAsync(app, gateways, clock);
            row = await RowAsync(app, id);
            if (row.Status != NotificationStatus.Pending) break;
            row.Attempts.ShouldBe(attemptsAt.Count);
            // Not a moment before the next attempt is due…
            clock.Now = new DateTimeOffset(row.LeaseUntil!.Value, TimeSpan.Zero).AddSeconds(-1);
            await DispatchAsync(app, gateways, clock);
            (await RowAsync(app, id)).Attempts.ShouldBe(attemptsAt.Count);
            // …and then it is made.
            clock.Now = new DateTimeOffset(row.LeaseUntil!.Value, TimeSpan.Zero).AddMilliseconds(1);
            attemptsAt.Count.ShouldBeLessThan(200, "the schedule must end");
        }

        row.Status.ShouldBe(NotificationStatus.Failed);
        row.Attempts.ShouldBe(attemptsAt.Count);
        failing.Calls.ShouldBe(attemptsAt.Count);
        row.LastError!.ShouldContain("given up after 72 h");
        var gaps = attemptsAt.Zip(attemptsAt.Skip(1), (a, b) => (b - a).TotalSeconds).ToList();
        // 30 s, then doubling: 60, 120, … until the one-hour ceiling.
        gaps[0].ShouldBe(30, 0.01);
        gaps[1].ShouldBe(60, 0.01);
        gaps[2].ShouldBe(120, 0.01);
        gaps.Max().ShouldBe(3600, 0.01);
        for (var i = 1; i < gaps.Count - 1; i++) gaps[i].ShouldBeGreaterThanOrEqualTo(gaps[i - 1] - 0.01);
        // The last attempt is made at the 72-hour mark, not before and not later.
        (attemptsAt[^1] - created).TotalHours.ShouldBe(72, 0.001);

        // A failed message is not tried again.
        clock.Now += TimeSpan.FromDays(1);
        await DispatchAsync(app, gateways, clock);
        failing.Calls.ShouldBe(attemptsAt.Count);

        // Visible: to the person, and to administrators among every failed delivery.
        using var user = await app.WithTokenAsync(email, password);
        var mine = await user.GetFromJsonAsync<JsonElement>("/api/v1/notifications/deliveries?status=failed");
        var item = mine.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == id);
        item.GetProperty("attempts").GetInt32().ShouldBe(attemptsAt.Count);
        item.GetProperty("lastError").GetString()!.ShouldContain("timed out");
        using var admin = await app.As(Demo.Admin);
        var all = await admin.GetFromJsonAsync<JsonElement>("/api/v1/notification-deliveries?status=failed");
        all.GetProperty("items").EnumerateArray().ShouldContain(i => i.GetProperty("id").GetGuid() == id);
        (await user.GetAsync("/api/v1/notification-deliveries")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var page = await user.GetStringAsync("/notifications/preferences?culture=en");
        page.ShouldContain("Failed");
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Two_dispatchers_at_once_send_every_message_once(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider, NoJobs);
        var ids = new List<Guid>();
        for (var i = 0; i < 20; i++)
        {
            var (userId, email, _) = await app.CreateUserAsync();
            ids.Add(await QueueEmailAsync(app, userId, email));
        }
        var gateway = new CountingGateway("relay");
        var gateways = new NotificationGateways([gateway], []);

        await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            while (await DispatchAsync(app, gateways, TimeProvider.System) > 0) { }
        })));

        foreach (var id in ids)
        {
            gateway.Sends.GetValueOrDefault(id).ShouldBe(1, id.ToString());
            (await RowAsync(app, id)).Status.ShouldBe(NotificationStatus.Delivered);
        }
    }

    /// <summary>
    /// A real HTTP server on the loopback speaking the generic SMS API of docs/operations.md: it answers the statuses it is
    /// told to (then 202), keeps each accepted message once by its Idempotency-Key and answers 409 to a repeated key.
    /// </summary>
    sealed class SmsOperator : IAsyncDisposable
    {
        readonly WebApplication _app;
        public ConcurrentQueue<int> Script { get; } = new();
        public ConcurrentDictionary<string, JsonElement> Accepted { get; } = new();
        public ConcurrentQueue<(string? Key, string? Authorization)> Requests { get; } = new();
        public Uri BaseAddress { get; private set; } = null!;

        SmsOperator(WebApplication app) => _app = app;

        public static async Task<SmsOperator> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var app = builder.Build();
            var server = new SmsOperator(app);
            app.MapPost("/api/messages", async (HttpContext http) =>
            {
                var key = http.Request.Headers["Idempotency-Key"].ToString();
                server.Requests.Enqueue((key, http.Request.Headers.Authorization.ToString()));
                var body = await JsonSerializer.DeserializeAsync<JsonElement>(http.Request.Body);
                if (server.Script.TryDequeue(out var status)) return Results.StatusCode(status);
                if (!server.Accepted.TryAdd(key, body)) return Results.Conflict();
                return Results.Json(new { id = "op-" + key }, statusCode: 202);
            });
            await app.StartAsync();
            server.BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/api");
            return server;
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_HTTP_SMS_client_sends_in_the_persons_language_once_per_key_and_retries_a_busy_operator(Provider provider)
    {
        await using var sms = await SmsOperator.StartAsync();
        var settings = new Dictionary<string, string?>(NoJobs)
        {
            ["Qonys:Notifications:SmsProviders:0:Name"] = "operator",
            ["Qonys:Notifications:SmsProviders:0:Kind"] = "http",
            ["Qonys:Notifications:SmsProviders:0:BaseUrl"] = sms.BaseAddress.ToString(),
            ["Qonys:Notifications:SmsProviders:0:ApiKey"] = "test-key",
            ["Qonys:Notifications:SmsProviders:0:Sender"] = "Qonys",
        };
        await using var app = await TestApp.StartAsync(provider, settings);
        var (userId, email, password) = await app.CreateUserAsync();
        using (var user = await app.WithTokenAsync(email, password))
        {
            var put = await user.PutAsJsonAsync("/api/v1/notifications/preferences",
                new { emailEnabled = false, smsEnabled = true, phone = "+77011234567", language = "ru" });
            put.StatusCode.ShouldBe(HttpStatusCode.OK, await put.Content.ReadAsStringAsync());
        }
        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<Notifier>().NotifyAsync([userId], "support.message_to_applicant",
                new Dictionary<string, string> { ["case"] = "TOO Qurylys · 2026-12-01", ["excerpt"] = "…" }, "/support/permit-application/1", CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<AppDb>().SaveChangesAsync();
        }
        var rows = await app.WithDbAsync(db => db.Set<Notification>().AsNoTracking().Where(n => n.UserId == userId).ToListAsync());
        rows.Select(r => r.Channel).Order(StringComparer.Ordinal).ShouldBe(["in_app", "sms"]); // e-mail switched off
        var row = rows.Single(r => r.Channel == NotificationChannels.Sms);
        row.Subject.ShouldBe("Ответ сотрудника по делу: TOO Qurylys · 2026-12-01");
        row.EventType.ShouldBe("support.message_to_applicant");

        var gateways = app.Services.GetRequiredService<NotificationGateways>();
        var clock = new SettableClock(DateTimeOffset.UtcNow + TimeSpan.FromDays(1));
        sms.Script.Enqueue(503);
        await DispatchAsync(app, gateways, clock);
        (await RowAsync(app, row.Id)).Status.ShouldBe(NotificationStatus.Pending);
        (await RowAsync(app, row.Id)).LastError!.ShouldContain("503");
        clock.Now += TimeSpan.FromMinutes(1);
        await DispatchAsync(app, gateways, clock);

        var sent = await RowAsync(app, row.Id);
        sent.Status.ShouldBe(NotificationStatus.Delivered);
        sent.Provider.ShouldBe("operator");
        sent.Attempts.ShouldBe(2);
        sms.Requests.Select(r => r.Key).ShouldAllBe(k => k == row.Id.ToString("N"));
        sms.Requests.Select(r => r.Authorization).ShouldAllBe(a => a == "Bearer test-key");
        var accepted = sms.Accepted.ShouldHaveSingleItem().Value;
        accepted.GetProperty("to").GetString().ShouldBe("+77011234567");
        accepted.GetProperty("text").GetString()!.ShouldStartWith("Ответ сотрудника по делу");
        accepted.GetProperty("sender").GetString().ShouldBe("Qonys");

        // A repeated key is answered 409 and counted as sent: the operator keeps one message.
        await gateways.Sms[0].SendAsync(new SmsMessage(row.Id, "+77011234567", "again"), CancellationToken.None);
        sms.Accepted.Count.ShouldBe(1);

        // A definite refusal (a bad number) from the only provider fails the message at once, with the reason.
        var refusedId = Guid.CreateVersion7();
        await app.WithDbAsync(async db =>
        {
            db.Add(new Notification
            {
                Id = refusedId, UserId = userId, Channel = NotificationChannels.Sms, Recipient = "+77019999999", Subject = "x", Body = "x",
                CreatedAt = clock.Now.UtcDateTime,
            });
            return await db.SaveChangesAsync();
        });
        sms.Script.Enqueue(400);
        clock.Now += TimeSpan.FromMinutes(1);
        await DispatchAsync(app, gateways, clock);
        var refused = await RowAsync(app, refusedId);
        refused.Status.ShouldBe(NotificationStatus.Failed);
        refused.Attempts.ShouldBe(1);
        refused.LastError!.ShouldContain("operator refused the message (400)");
        refused.LastError!.ShouldNotContain("+77019999999");
    }

    /// <summary>Sends through the real provider, then "dies" (as under kill -9) before the dispatcher can record it.</summary>
    sealed class DyingAfterSending(ISmsGateway inner, CancellationTokenSource death) : ISmsGateway
    {
        public string Name => inner.Name;

        public async Task SendAsync(SmsMessage message, CancellationToken ct)
        {
            await inner.SendAsync(message, ct);
            await death.CancelAsync();
            ct.ThrowIfCancellationRequested();
        }
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_node_dying_after_the_operator_accepted_leaves_one_message_at_the_operator(Provider provider)
    {
        await using var sms = await SmsOperator.StartAsync();
        var settings = new Dictionary<string, string?>(NoJobs)
        {
            ["Qonys:Notifications:SmsProviders:0:Name"] = "operator",
            ["Qonys:Notifications:SmsProviders:0:Kind"] = "http",
            ["Qonys:Notifications:SmsProviders:0:BaseUrl"] = sms.BaseAddress.ToString(),
        };
        await using var app = await TestApp.StartAsync(provider, settings);
        var (userId, _, _) = await app.CreateUserAsync();
        var id = Guid.CreateVersion7();
        await app.WithDbAsync(async db =>
        {
            db.Add(new Notification
            {
                Id = id, UserId = userId, Channel = NotificationChannels.Sms, Recipient = "+77011234567", Subject = "Permit approved", Body = "x",
                CreatedAt = app.Clock.GetUtcNow().UtcDateTime,
            });
            return await db.SaveChangesAsync();
        });
        var real = app.Services.GetRequiredService<NotificationGateways>().Sms[0];
        var clock = new SettableClock(app.Clock.GetUtcNow());

        // Node A: the operator accepts, then the node dies before recording it.
        using var death = new CancellationTokenSource();
        using (var scope = app.Services.CreateScope())
            await Should.ThrowAsync<OperationCanceledException>(() =>
                NotificationTests.Dispatcher(scope, new NotificationGateways([], [new DyingAfterSending(real, death)]), clock).DispatchBatchAsync(death.Token));
        sms.Accepted.Count.ShouldBe(1);
        (await RowAsync(app, id)).Status.ShouldBe(NotificationStatus.Pending);

        // Node B, within A's claim, leaves it alone; after the claim runs out it sends again under the same key.
        var gateways = new NotificationGateways([], [real]);
        (await DispatchAsync(app, gateways, clock)).ShouldBe(0);
        sms.Requests.Count.ShouldBe(1);
        clock.Now += TimeSpan.FromSeconds(app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Qonys.Web.Platform.Hosting.QonysOptions>>()
            .Value.Jobs.NotificationLeaseSeconds + 1);
        (await DispatchAsync(app, gateways, clock)).ShouldBe(1);

        sms.Requests.Count.ShouldBe(2);
        sms.Requests.Select(r => r.Key).Distinct().ShouldHaveSingleItem().ShouldBe(id.ToString("N"));
        sms.Accepted.Count.ShouldBe(1);
        var row = await RowAsync(app, id);
        row.Status.ShouldBe(NotificationStatus.Delivered);
        row.Provider.ShouldBe("operator");
        row.Attempts.ShouldBe(2);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Preferences_are_checked_naming_the_field_and_keep_the_persons_channels_and_language(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider, NoJobs);
        var (userId, email, password) = await app.CreateUserAsync();
        using var user = await app.WithTokenAsync(email, password);

        var initial = await user.GetFromJsonAsync<JsonElement>("/api/v1/notifications/preferences");
        initial.GetProperty("emailEnabled").GetBoolean().ShouldBeTrue();
        initial.GetProperty("smsEnabled").GetBoolean().ShouldBeFalse();
        initial.GetProperty("language").GetString().ShouldBe("en"); // the account's
        initial.GetProperty("smsAvailable").GetBoolean().ShouldBeTrue(); // demo mode: the file SMS sink

        var noPhone = await (await user.PutAsJsonAsync("/api/v1/notifications/preferences", new { emailEnabled = true, smsEnabled = true, language = "kk" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest);
        noPhone.GetProperty("errors").TryGetProperty("phone", out _).ShouldBeTrue(noPhone.ToString());
        var bad = await (await user.PutAsJsonAsync("/api/v1/notifications/preferences",
            new { emailEnabled = true, smsEnabled = false, phone = "8 701 123", language = "de" })).ShouldBeProblem(HttpStatusCode.BadRequest);
        bad.GetProperty("errors").TryGetProperty("phone", out _).ShouldBeTrue(bad.ToString());
        bad.GetProperty("errors").TryGetProperty("language", out _).ShouldBeTrue(bad.ToString());

        (await user.PutAsJsonAsync("/api/v1/notifications/preferences",
            new { emailEnabled = true, smsEnabled = true, phone = "+77011234567", language = "kk" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var stored = await user.GetFromJsonAsync<JsonElement>("/api/v1/notifications/preferences");
        stored.GetProperty("language").GetString().ShouldBe("kk");
        stored.GetProperty("phone").GetString().ShouldBe("+77011234567");

        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<Notifier>().NotifyAsync([userId], "support.message_to_officer",
                new Dictionary<string, string> { ["case"] = "C-1", ["excerpt"] = "Сәлем", ["due"] = "2026-12-07 10:00" }, null, CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<AppDb>().SaveChangesAsync();
        }
        var rows = await app.WithDbAsync(db => db.Set<Notification>().AsNoTracking().Where(n => n.UserId == userId).ToListAsync());
        rows.Select(r => r.Channel).Order(StringComparer.Ordinal).ShouldBe(["email", "in_app", "sms"]);
        rows.ShouldAllBe(r => r.Subject == "Өтініш бойынша жаңа хабарлама: C-1");
        rows.Single(r => r.Channel == NotificationChannels.Email).Body.ShouldContain("2026-12-07 10:00");

        // The page shows the same choices and saves them.
        var page = await user.GetStringAsync("/notifications/preferences?culture=en");
        page.ShouldContain("+77011234567");
    }
}
