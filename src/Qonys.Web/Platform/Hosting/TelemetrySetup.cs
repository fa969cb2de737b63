using System.Diagnostics;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Qonys.Web.Platform.Hosting;

/// <summary>
/// OpenTelemetry traces and metrics (ASP.NET Core, outgoing HTTP, Npgsql, the .NET runtime), exported over OTLP where
/// <c>Qonys:Telemetry:OtlpEndpoint</c> is set (off by default), and the JSON console log with each line's trace id.
/// Spans pass <see cref="RedactingProcessor"/> before any exporter: no personal identifier leaves in a trace.
/// </summary>
internal static class TelemetrySetup
{
    public static void AddQonysTelemetry(this WebApplicationBuilder builder, QonysOptions options)
    {
        var telemetry = options.Telemetry;
        builder.Services.AddSingleton<LogOutput>();
        builder.Logging.Services.AddSingleton<ILoggerProvider, QonysConsoleLoggerProvider>();

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(telemetry.ServiceName, serviceInstanceId: Environment.MachineName + ":" + Environment.ProcessId))
            .WithTracing(t =>
            {
                // No exception events: their messages may quote what a person sent.
                t.AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/health"))
                    .AddHttpClientInstrumentation()
                    .AddNpgsql()
                    .AddProcessor(new RedactingProcessor());
                if (telemetry.OtlpEndpoint is { Length: > 0 } endpoint) t.AddOtlpExporter(o => Otlp(o, endpoint, telemetry));
            })
            .WithMetrics(m =>
            {
                m.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddRuntimeInstrumentation().AddNpgsqlInstrumentation();
                if (telemetry.OtlpEndpoint is { Length: > 0 } endpoint) m.AddOtlpExporter(o => Otlp(o, endpoint, telemetry));
            });
    }

    static void Otlp(OtlpExporterOptions o, string endpoint, TelemetryOptions telemetry)
    {
        o.Endpoint = new Uri(endpoint, UriKind.Absolute);
        o.Protocol = string.Equals(telemetry.OtlpProtocol, "http/protobuf", StringComparison.OrdinalIgnoreCase)
            ? OtlpExportProtocol.HttpProtobuf
            : OtlpExportProtocol.Grpc;
    }
}

/// <summary>
/// Before export: a request span's path becomes its route template (<c>/api/v1/employers/{bin}</c>, or nothing where
/// no route matched), an outgoing request's address keeps only its host, query values go, and every other text attribute and the span's name pass <see cref="PersonalDataRedaction"/>.
/// </summary>
internal sealed class RedactingProcessor : BaseProcessor<Activity>
{
    public override void OnEnd(Activity data)
    {
        data.DisplayName = PersonalDataRedaction.Redact(data.DisplayName);
        var route = data.GetTagItem("http.route") as string;
        foreach (var (key, value) in data.TagObjects.ToList())
        {
            if (value is not string text) continue;
            var redacted = key switch
            {
                "url.path" => route ?? "",
                "url.query" => "[query]",
                // An outgoing request's address: where it went, not the path (it may name a person).
                "url.full" => Uri.TryCreate(text, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) + "/[path]" : "[url]",
                _ => PersonalDataRedaction.Redact(text),
            };
            if (redacted != text) data.SetTag(key, redacted);
        }
    }
}
