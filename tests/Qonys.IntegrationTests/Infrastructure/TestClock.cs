using System.Diagnostics;

namespace Qonys.IntegrationTests.Infrastructure;

/// <summary>
/// The one clock of a test process: every <see cref="TestApp"/> uses it as its <see cref="TimeProvider"/>, and tests
/// read "today" from it, so test and server never disagree about the date. It runs at real speed from 09:00 UTC of the
/// day the process started (a run that starts late in the day cannot cross midnight halfway), and
/// <see cref="Advance"/> moves it on where a test needs time to pass.
/// </summary>
public sealed class TestClock : TimeProvider
{
    public static TestClock Shared { get; } = new(TimeProvider.System.GetUtcNow());

    readonly DateTimeOffset _origin;
    readonly long _started = Stopwatch.GetTimestamp();
    long _advancedTicks;

    TestClock(DateTimeOffset realNow) => _origin = new DateTimeOffset(realNow.UtcDateTime.Date.AddHours(9), TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() =>
        _origin + Stopwatch.GetElapsedTime(_started) + TimeSpan.FromTicks(Interlocked.Read(ref _advancedTicks));

    /// <summary>The UTC date the apps consider today.</summary>
    public DateOnly Today => DateOnly.FromDateTime(GetUtcNow().UtcDateTime);

    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref _advancedTicks, by.Ticks);
    }
}
