namespace Qonys.Web.Platform.Notifications;

/// <summary>
/// Configuration section "Qonys:Notifications": the providers of each channel in the order they are tried (the first is
/// preferred, the next takes over when it fails) and the retry schedule.
/// </summary>
internal sealed class NotificationOptions
{
    public const string Section = "Qonys:Notifications";

    /// <summary>E-mail providers; none configured means the one of "Qonys:Email" (file or SMTP).</summary>
    public List<NotificationProviderOptions> EmailProviders { get; set; } = [];

    /// <summary>SMS providers; none configured means a file sink in demo mode and no SMS at all in production.</summary>
    public List<NotificationProviderOptions> SmsProviders { get; set; } = [];

    /// <summary>The first retry waits this long; each further one twice as long as the one before.</summary>
    public int RetryBaseSeconds { get; set; } = 30;

    /// <summary>No wait between two attempts is longer than this.</summary>
    public int RetryMaxDelayMinutes { get; set; } = 60;

    /// <summary>A message not delivered this long after it was queued is given up: its state becomes "failed".</summary>
    public int GiveUpAfterHours { get; set; } = 72;
}

/// <summary>One provider of a channel: its name (shown in the delivery status) and kind, and the settings of that kind.</summary>
internal sealed class NotificationProviderOptions
{
    public string Name { get; set; } = "";
    /// <summary>E-mail: "file" or "smtp"; SMS: "file" or "http" (the generic HTTP SMS API of docs/operations.md).</summary>
    public string Kind { get; set; } = "file";
    /// <summary>file: the folder under the data folder the messages are written to.</summary>
    public string? Folder { get; set; }
    /// <summary>http: the API's base address (the messages are posted to "{BaseUrl}/messages").</summary>
    public string? BaseUrl { get; set; }
    /// <summary>http: the bearer key of the account at the provider.</summary>
    public string? ApiKey { get; set; }
    /// <summary>http: the sender name or number shown to the recipient.</summary>
    public string? Sender { get; set; }
    /// <summary>http: how long one request may take before the provider counts as failed for this attempt.</summary>
    public int TimeoutSeconds { get; set; } = 10;
    /// <summary>smtp: host, port, TLS and login; the sender address is "Qonys:Email:From".</summary>
    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 25;
    public bool SmtpSsl { get; set; }
    public string? SmtpUser { get; set; }
    public string? SmtpPassword { get; set; }
}
