using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Qonys.IntegrationTests.Security;

/// <summary>Keeps every log entry an app writes: level, category, message and exception.</summary>
sealed class CapturedLogs : ILoggerProvider
{
    public sealed record Entry(LogLevel Level, string Category, string Message, Exception? Exception)
    {
        public override string ToString() => $"{Level} {Category}: {Message} {Exception?.GetType().Name}";
    }

    public ConcurrentQueue<Entry> Entries { get; } = new();
    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, Entries);
    public void Dispose() { }

    /// <summary>Entries at Error level or above written since <paramref name="mark"/> (a count of entries taken earlier).</summary>
    public List<Entry> ErrorsSince(int mark) => Entries.Skip(mark).Where(e => e.Level >= LogLevel.Error).ToList();

    sealed class Logger(string category, ConcurrentQueue<Entry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue(new Entry(logLevel, category, formatter(state, exception), exception));
    }
}
