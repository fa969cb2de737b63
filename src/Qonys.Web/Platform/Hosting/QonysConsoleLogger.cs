using System.Diagnostics;
using System.Text.Json;

namespace Qonys.Web.Platform.Hosting;

/// <summary>Where the console logger writes: standard output (tests put a writer of their own here).</summary>
internal sealed class LogOutput
{
    public TextWriter Writer { get; set; } = Console.Out;
}

/// <summary>
/// The app's one log sink: one line per message on standard output, as JSON (<c>Qonys:Telemetry:JsonLogs</c>, the
/// default in production: timestamp, level, category, event id, message, exception, and the trace and span id of the
/// request) or as a short text line (the demo's default). Message and exception pass <see cref="PersonalDataRedaction"/>.
/// </summary>
internal sealed class QonysConsoleLoggerProvider(LogOutput output, Microsoft.Extensions.Options.IOptions<QonysOptions> options) : ILoggerProvider
{
    readonly Lock _gate = new();
    readonly bool _json = options.Value.Telemetry.JsonLogs ?? !options.Value.IsDemo;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() { }

    void Write(string line)
    {
        lock (_gate) output.Writer.WriteLine(line);
    }

    sealed class Logger(QonysConsoleLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            var message = PersonalDataRedaction.Redact(formatter(state, exception));
            var error = exception is null ? null : PersonalDataRedaction.Redact(exception.ToString());
            var activity = Activity.Current;
            var now = DateTime.UtcNow;
            if (!provider._json)
            {
                var trace = activity is null ? "" : " [" + activity.TraceId + "]";
                provider.Write($"{now:HH:mm:ss} {Short(logLevel)} {category}: {message}{trace}{(error is null ? "" : Environment.NewLine + error)}");
                return;
            }
            using var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                json.WriteString("timestamp", now);
                json.WriteString("level", logLevel.ToString());
                json.WriteString("category", category);
                json.WriteNumber("eventId", eventId.Id);
                json.WriteString("message", message);
                if (activity is not null)
                {
                    json.WriteString("traceId", activity.TraceId.ToString());
                    json.WriteString("spanId", activity.SpanId.ToString());
                }
                if (error is not null) json.WriteString("exception", error);
                json.WriteEndObject();
            }
            provider.Write(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        }

        static string Short(LogLevel level) => level switch
        {
            LogLevel.Trace => "trce", LogLevel.Debug => "dbug", LogLevel.Information => "info", LogLevel.Warning => "warn",
            LogLevel.Error => "fail", _ => "crit",
        };
    }
}
