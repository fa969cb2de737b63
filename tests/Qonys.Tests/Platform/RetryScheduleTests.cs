using Qonys.Web.Platform.Notifications;

namespace Qonys.Tests.Platform;

/// <summary>The back-off of a failing notification on a clock the test moves: doubling waits, a ceiling, one last try at 72 hours.</summary>
public sealed class RetryScheduleTests
{
    static readonly DateTime Created = new(2026, 12, 4, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Waits_double_up_to_the_ceiling_and_the_schedule_ends_at_the_give_up_time()
    {
        var options = new NotificationOptions();
        var now = Created;
        var waits = new List<TimeSpan>();
        for (var attempts = 1; ; attempts++)
        {
            var next = RetrySchedule.NextAttempt(Created, attempts, now, options);
            if (next is null) break;
            waits.Add(next.Value - now);
            now = next.Value;
            attempts.ShouldBeLessThan(500);
        }
        waits.Take(4).ShouldBe([TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(120), TimeSpan.FromSeconds(240)]);
        waits.Max().ShouldBe(TimeSpan.FromHours(1));
        now.ShouldBe(Created.AddHours(72)); // the last attempt is at the give-up time
        waits.Count.ShouldBe(7 + 70 + 1); // 30 s … 32 min, then hourly, then the rest of the 72 hours
    }

    [Fact]
    public void At_or_after_the_give_up_time_there_is_no_next_attempt()
    {
        var options = new NotificationOptions { GiveUpAfterHours = 72 };
        RetrySchedule.NextAttempt(Created, 3, Created.AddHours(72), options).ShouldBeNull();
        RetrySchedule.NextAttempt(Created, 3, Created.AddHours(71.99), options).ShouldBe(Created.AddHours(72));
    }
}
