using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Qonys.Web.Platform.Hosting;
using Qonys.Web.Platform.Jobs;

namespace Qonys.Tests.Platform;

/// <summary>The periodic-job base: runs on its interval, survives and logs a failure, stops cleanly mid-run.</summary>
public sealed class PeriodicJobTests
{
    sealed class CapturingLog : ILogger
    {
        public List<(LogLevel Level, Exception? Error)> Lines { get; } = [];
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (Lines) Lines.Add((logLevel, exception));
        }
    }

    /// <summary>Fails on its first run, then counts its runs; a run can be made to hang until cancelled.</summary>
    sealed class CountingJob(IServiceScopeFactory scopes, CapturingLog log) : PeriodicJob(scopes, new JobLocks(Options.Create(new QonysOptions())), log)
    {
        int _runs;
        public int Runs => Volatile.Read(ref _runs);
        public bool Hang { get; init; }
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override TimeSpan Interval => TimeSpan.FromMilliseconds(10);

        protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken ct)
        {
            var run = Interlocked.Increment(ref _runs);
            Started.TrySetResult();
            if (Hang) await Task.Delay(Timeout.Infinite, ct);
            if (run == 1) throw new InvalidOperationException("the first run fails");
        }
    }

    static IServiceScopeFactory Scopes() => new ServiceCollection().BuildServiceProvider().GetRequiredService<IServiceScopeFactory>();

    [Fact]
    public async Task A_failed_run_is_logged_and_the_next_interval_runs_again()
    {
        var log = new CapturingLog();
        using var job = new CountingJob(Scopes(), log);
        await job.StartAsync(CancellationToken.None);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (job.Runs < 3 && DateTime.UtcNow < deadline) await Task.Delay(10);
        await job.StopAsync(CancellationToken.None);

        job.Runs.ShouldBeGreaterThanOrEqualTo(3);
        lock (log.Lines)
        {
            var errors = log.Lines.Where(l => l.Level == LogLevel.Error).ToList();
            errors.Count.ShouldBe(1);
            errors[0].Error.ShouldBeOfType<InvalidOperationException>().Message.ShouldBe("the first run fails");
        }
        job.ExecuteTask!.IsCompletedSuccessfully.ShouldBeTrue();
    }

    [Fact]
    public async Task Stopping_cancels_the_run_in_progress_and_ends_the_loop_without_an_error()
    {
        var log = new CapturingLog();
        using var job = new CountingJob(Scopes(), log) { Hang = true };
        await job.StartAsync(CancellationToken.None);
        await job.Started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await job.StopAsync(CancellationToken.None);

        job.ExecuteTask!.IsCompletedSuccessfully.ShouldBeTrue();
        job.Runs.ShouldBe(1);
        lock (log.Lines) log.Lines.ShouldBeEmpty();
    }
}
