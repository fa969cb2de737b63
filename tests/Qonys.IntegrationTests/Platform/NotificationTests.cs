using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Qonys.Web.Platform.Data;
using Qonys.Web.Platform.Hosting;
using Qonys.Web.Platform.Notifications;
using static Qonys.IntegrationTests.Platform.PlatformTestKit;

namespace Qonys.IntegrationTests.Platform;

/// <summary>The outbox and its dispatcher: in-app and e-mail delivery, exactly once across a crash and restart.</summary>
[Collection(AppsCollection.Name)]
public sealed class NotificationTests(Apps apps)
{
    static async Task NotifyAsync(TestApp app, Guid userId, string email, string subject)
    {
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<Notifier>().Notify(userId, email, subject, "Body of " + subject, "/notifications");
        await scope.ServiceProvider.GetRequiredService<AppDb>().SaveChangesAsync();
    }

    static string MailFolder(TestApp app) => Path.Combine(app.DataFolder, "mail");

    static string[] MailTo(TestApp app, string email) => Directory.Exists(MailFolder(app))
        ? Directory.GetFiles(MailFolder(app), "*.eml").Where(f => File.ReadAllText(f).Contains("To: " + email, StringComparison.Ordinal)).ToArray()
        : [];

    [Theory, OnSqlite, OnPostgres]
    public async Task The_background_dispatcher_delivers_in_app_and_by_email(Provider provider)
    {
        var app = await apps.For(provider);
        var (userId, email, password) = await app.CreateUserAsync();
        using var user = await app.WithTokenAsync(email, password);
        async Task<int> Unread() => (await user.GetFromJsonAsync<JsonElement>("/api/v1/notifications/unread-count")).GetProperty("count").GetInt32();
        (await Unread()).ShouldBe(0);

        await NotifyAsync(app, userId, email, "Permit approved");

        await EventuallyAsync(async () => await Unread() == 1, "the in-app notification is delivered");
        await EventuallyAsync(() => Task.FromResult(MailTo(app, email).Length == 1), "the e-mail is written");
        var list = await user.GetFromJsonAsync<JsonElement>("/api/v1/notifications");
        list.GetProperty("total").GetInt32().ShouldBe(1);
        var item = list.GetProperty("items")[0];
        item.GetProperty("subject").GetString().ShouldBe("Permit approved");
        item.GetProperty("read").GetBoolean().ShouldBeFalse();
        File.ReadAllText(MailTo(app, email).Single()).ShouldContain("Subject: Permit approved");

        (await user.PostAsync($"/api/v1/notifications/{item.GetProperty("id").GetString()}/read", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await Unread()).ShouldBe(0);
        // Another user cannot see or mark it.
        var (_, otherEmail, otherPassword) = await app.CreateUserAsync();
        using var other = await app.WithTokenAsync(otherEmail, otherPassword);
        (await other.PostAsync($"/api/v1/notifications/{item.GetProperty("id").GetString()}/read", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    /// <summary>A clock the test moves by hand.</summary>
    sealed class SettableClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    /// <summary>Delivers through the real gateway, then "crashes" the dispatcher before it can record the delivery.</summary>
    sealed class CrashAfterSending(IEmailGateway inner, CancellationTokenSource crash) : IEmailGateway
    {
        public int Sent { get; private set; }

        public string Name => inner.Name;

        public async Task SendAsync(EmailMessage message, CancellationToken ct)
        {
            await inner.SendAsync(message, ct);
            Sent++;
            await crash.CancelAsync();
        }
    }

    static NotificationDispatcher Dispatcher(IServiceScope scope, IEmailGateway email, TimeProvider clock) =>
        Dispatcher(scope, new NotificationGateways([email], []), clock);

    internal static NotificationDispatcher Dispatcher(IServiceScope scope, NotificationGateways gateways, TimeProvider clock,
        ILogger<NotificationDispatcher>? log = null) => new(
        scope.ServiceProvider.GetRequiredService<AppDb>(), gateways, clock,
        scope.ServiceProvider.GetRequiredService<IOptions<QonysOptions>>(),
        scope.ServiceProvider.GetRequiredService<IOptions<NotificationOptions>>(),
        log ?? scope.ServiceProvider.GetRequiredService<ILogger<NotificationDispatcher>>());

    static IEmailGateway FileGateway(TestApp app) => app.Services.GetRequiredService<NotificationGateways>().Email[0];

    [Theory, OnSqlite, OnPostgres]
    public async Task A_dispatcher_crash_after_sending_still_delivers_exactly_once(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider, new Dictionary<string, string?> { ["Qonys:Jobs:RunBackgroundJobs"] = "false" });
        var (userId, email, _) = await app.CreateUserAsync();
        await NotifyAsync(app, userId, email, "Case decided");
        var gateway = FileGateway(app);
        var lease = TimeSpan.FromSeconds(app.Services.GetRequiredService<IOptions<QonysOptions>>().Value.Jobs.NotificationLeaseSeconds);

        // 1. The first dispatcher sends the e-mail and dies before marking the row delivered.
        using var crash = new CancellationTokenSource();
        var crashing = new CrashAfterSending(gateway, crash);
        using (var scope = app.Services.CreateScope())
            await Should.ThrowAsync<OperationCanceledException>(() => Dispatcher(scope, crashing, TimeProvider.System).DispatchBatchAsync(crash.Token));
        crashing.Sent.ShouldBe(1);
        MailTo(app, email).Length.ShouldBe(1);
        var emailRow = await app.WithDbAsync(db => db.Set<Notification>().AsNoTracking().SingleAsync(n => n.UserId == userId && n.Channel == NotificationChannels.Email));
        emailRow.Status.ShouldBe(NotificationStatus.Pending);

        // 2. A restarted dispatcher within the lease leaves the row alone (another node may still be working on it).
        var clock = new SettableClock(DateTimeOffset.UtcNow);
        using (var scope = app.Services.CreateScope())
        {
            var counting = new CrashAfterSending(gateway, new CancellationTokenSource());
            await Dispatcher(scope, counting, clock).DispatchBatchAsync(CancellationToken.None);
            counting.Sent.ShouldBe(0);
        }

        // 3. Once the lease has run out the restarted dispatcher delivers again; the delivery key makes it a no-op.
        clock.Now = DateTimeOffset.UtcNow + lease + TimeSpan.FromSeconds(1);
        using (var scope = app.Services.CreateScope())
            (await Dispatcher(scope, gateway, clock).DispatchBatchAsync(CancellationToken.None)).ShouldBeGreaterThanOrEqualTo(1);

        MailTo(app, email).Length.ShouldBe(1);
        var rows = await app.WithDbAsync(db => db.Set<Notification>().AsNoTracking().Where(n => n.UserId == userId).ToListAsync());
        rows.Count.ShouldBe(2);
        foreach (var row in rows)
        {
            row.Status.ShouldBe(NotificationStatus.Delivered, row.Channel);
            row.LeaseOwner.ShouldBeNull();
        }
        // The e-mail's claim counted the attempt that crashed and the one that recorded it; the in-app one took one.
        rows.Single(r => r.Channel == NotificationChannels.Email).Attempts.ShouldBe(2);
        rows.Single(r => r.Channel == NotificationChannels.Email).Provider.ShouldBe(gateway.Name);
        rows.Single(r => r.Channel == NotificationChannels.InApp).Attempts.ShouldBe(1);
        // Nothing is left for a further run.
        using (var scope = app.Services.CreateScope())
            (await Dispatcher(scope, gateway, clock).DispatchBatchAsync(CancellationToken.None)).ShouldBe(0);
        MailTo(app, email).Length.ShouldBe(1);
    }

    /// <summary>A gateway that refuses like an SMTP server: its message names the recipient.</summary>
    sealed class RefusingGateway : IEmailGateway
    {
        public string Name => "refusing";

        public Task SendAsync(EmailMessage message, CancellationToken ct) =>
            throw new InvalidOperationException($"Mailbox unavailable. The server response was: 550 5.1.1 <{message.To}>: Recipient address rejected");
    }

    sealed class CapturingLogger : ILogger<NotificationDispatcher>
    {
        public List<string> Lines { get; } = [];
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add(formatter(state, exception) + " " + exception);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_failed_delivery_is_retried_later_and_logged_without_the_address(Provider provider)
    {
        await using var app = await TestApp.StartAsync(provider, new Dictionary<string, string?> { ["Qonys:Jobs:RunBackgroundJobs"] = "false" });
        var (userId, email, _) = await app.CreateUserAsync();
        await NotifyAsync(app, userId, email, "Fee due");
        var clock = new SettableClock(DateTimeOffset.UtcNow);
        var log = new CapturingLogger();

        using (var scope = app.Services.CreateScope())
        {
            var dispatcher = Dispatcher(scope, new NotificationGateways([new RefusingGateway()], []), clock, log);
            (await dispatcher.DispatchBatchAsync(CancellationToken.None)).ShouldBe(1); // the in-app one
            (await dispatcher.DispatchBatchAsync(CancellationToken.None)).ShouldBe(0); // the e-mail waits for its retry time
        }

        var row = await app.WithDbAsync(db => db.Set<Notification>().AsNoTracking().SingleAsync(n => n.UserId == userId && n.Channel == NotificationChannels.Email));
        row.Status.ShouldBe(NotificationStatus.Pending);
        row.Attempts.ShouldBe(1);
        row.LastError.ShouldNotBeNullOrEmpty();
        row.LeaseUntil.ShouldNotBeNull();
        row.LeaseUntil!.Value.ShouldBe(clock.Now.UtcDateTime.AddSeconds(30), TimeSpan.FromMilliseconds(1)); // the first retry after the base wait
        row.LastError!.ShouldNotContain(email, Case.Insensitive);
        log.Lines.ShouldNotBeEmpty();
        log.Lines.Where(l => l.Contains(email, StringComparison.OrdinalIgnoreCase)).ShouldBeEmpty();

        // After the retry time a working gateway delivers it.
        clock.Now += TimeSpan.FromSeconds(31);
        using (var scope = app.Services.CreateScope())
            (await Dispatcher(scope, FileGateway(app), clock).DispatchBatchAsync(CancellationToken.None)).ShouldBe(1);
        MailTo(app, email).Length.ShouldBe(1);
    }
}
