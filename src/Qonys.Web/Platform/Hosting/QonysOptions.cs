namespace Qonys.Web.Platform.Hosting;

/// <summary>Configuration section "Qonys" (appsettings, environment variables Qonys__..., command line --Qonys:...).</summary>
internal sealed class QonysOptions
{
    public const string Section = "Qonys";

    /// <summary>"demo" (default first-run mode: demo data and demo accounts) or "production" (neither).</summary>
    public string Mode { get; set; } = "demo";
    public bool IsDemo => string.Equals(Mode, "demo", StringComparison.OrdinalIgnoreCase);

    public DatabaseOptions Database { get; set; } = new();
    public AuthOptions Auth { get; set; } = new();
    public EmailOptions Email { get; set; } = new();
    public JobOptions Jobs { get; set; } = new();
    public TelemetryOptions Telemetry { get; set; } = new();
    public long MaxRequestBodyBytes { get; set; } = 1_048_576;
}

internal sealed class DatabaseOptions
{
    /// <summary>"sqlite" (embedded default) or "postgresql".</summary>
    public string Provider { get; set; } = "sqlite";
    /// <summary>For sqlite: optional; defaults to a file under <see cref="DataFolder"/>. For postgresql: required.</summary>
    public string? ConnectionString { get; set; }
    /// <summary>Folder for the SQLite file and the demo e-mail sink; relative paths are taken from the working directory.</summary>
    public string DataFolder { get; set; } = ".qonys";
    /// <summary>Apply migrations at start. Default: in demo mode yes; in production run the 'migrate' command instead.</summary>
    public bool? MigrateOnStart { get; set; }

    public bool IsPostgres => string.Equals(Provider, "postgresql", StringComparison.OrdinalIgnoreCase);
}

internal sealed class AuthOptions
{
    public int TokenLifetimeMinutes { get; set; } = 60;
    public int MaxFailedAccessAttempts { get; set; } = 5;
    public int LockoutMinutes { get; set; } = 15;
    /// <summary>Token requests allowed per client address per minute.</summary>
    public int TokenRequestsPerMinute { get; set; } = 60;
    /// <summary>Integration clients (OAuth 2.0 client credentials, <c>POST /connect/token</c>): docs/security.md.</summary>
    public ClientAuthOptions Clients { get; set; } = new();
}

/// <summary>Section "Qonys:Auth:Clients": machine identity of the integration clients.</summary>
internal sealed class ClientAuthOptions
{
    /// <summary>How long a client's access token is valid.</summary>
    public int AccessTokenLifetimeSeconds { get; set; } = 3600;
    /// <summary>
    /// How long after <c>rotate-keys</c> the new key starts signing; until then every node learns it (<see cref="KeyRefreshSeconds"/>)
    /// and validates with it, so no node refuses a token another node signed with the new key.
    /// </summary>
    public int KeyActivationSeconds { get; set; } = 300;
    /// <summary>How often each node reads the key set again (new keys, keys that became active, keys removed).</summary>
    public int KeyRefreshSeconds { get; set; } = 60;
    /// <summary>The validity written into a new key's certificate; rotate before it ends.</summary>
    public int KeyLifetimeDays { get; set; } = 180;
    /// <summary>The tokens' issuer (e.g. https://qonys.example.kz/); by default the address the request came to.</summary>
    public string? Issuer { get; set; }
    /// <summary>Refuse the token endpoint over plain HTTP. Default: in production yes, in demo mode no.</summary>
    public bool? RequireHttps { get; set; }
}

/// <summary>Section "Qonys:Telemetry": traces, metrics and logs (docs/operations.md "Observability").</summary>
internal sealed class TelemetryOptions
{
    /// <summary>The OTLP collector's address (e.g. http://otel-collector:4317); traces and metrics are exported only when set.</summary>
    public string? OtlpEndpoint { get; set; }
    /// <summary>"grpc" (default) or "http/protobuf".</summary>
    public string OtlpProtocol { get; set; } = "grpc";
    public string ServiceName { get; set; } = "qonys";
    /// <summary>One JSON object per log line, with the trace id. Default: in production yes, in demo mode short text lines.</summary>
    public bool? JsonLogs { get; set; }
}

internal sealed class EmailOptions
{
    /// <summary>"file" (demo: one .eml file per message in <see cref="FileFolder"/>) or "smtp".</summary>
    public string Gateway { get; set; } = "file";
    public string FileFolder { get; set; } = "mail";
    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 25;
    public bool SmtpSsl { get; set; }
    public string? SmtpUser { get; set; }
    public string? SmtpPassword { get; set; }
    public string From { get; set; } = "no-reply@qonys.kz";
}

internal sealed class JobOptions
{
    public int NotificationIntervalMilliseconds { get; set; } = 1000;
    public int NotificationLeaseSeconds { get; set; } = 60;
    /// <summary>How often idempotency keys past their retention are deleted.</summary>
    public int IdempotencyCleanupMinutes { get; set; } = 60;
    /// <summary>How often the audit chains are verified and, when they moved, anchored by a signed checkpoint.</summary>
    public int AuditAnchorMinutes { get; set; } = 10;
    public bool RunBackgroundJobs { get; set; } = true;
}
