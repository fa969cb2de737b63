using Microsoft.Extensions.Options;

namespace Qonys.Web.Platform.Notifications;

/// <summary>
/// The providers of each channel, in the order the dispatcher tries them (the configured lists of
/// <see cref="NotificationOptions"/>): the first is preferred, each next one takes over when the one before fails.
/// </summary>
internal sealed class NotificationGateways(IReadOnlyList<IEmailGateway> email, IReadOnlyList<ISmsGateway> sms)
{
    public IReadOnlyList<IEmailGateway> Email { get; } = email;

    public IReadOnlyList<ISmsGateway> Sms { get; } = sms;

    /// <summary>Builds the configured providers; each HTTP one gets its own client with its time-out.</summary>
    public static NotificationGateways From(QonysOptions qonys, NotificationOptions options)
    {
        string Folder(string? folder, string fallback) => Path.GetFullPath(Path.Combine(qonys.Database.DataFolder, folder ?? fallback));
        var from = qonys.Email.From;
        var emailProviders = options.EmailProviders.Count > 0 ? options.EmailProviders : [Legacy(qonys.Email)];
        var email = emailProviders.Select(p => p.Kind switch
        {
            "file" => (IEmailGateway)new FileEmailGateway(NameOf(p), Folder(p.Folder, qonys.Email.FileFolder), from),
            "smtp" => new SmtpEmailGateway(NameOf(p), p, from),
            _ => throw new InvalidOperationException($"E-mail provider '{p.Name}' has unknown kind '{p.Kind}'; use file or smtp"),
        }).ToList();
        var smsProviders = options.SmsProviders.Count > 0 ? options.SmsProviders
            : qonys.IsDemo ? [new NotificationProviderOptions { Name = "file-sms", Kind = "file", Folder = "sms" }] : [];
        var sms = smsProviders.Select(p => p.Kind switch
        {
            "file" => (ISmsGateway)new FileSmsGateway(NameOf(p), Folder(p.Folder, "sms")),
            "http" => new HttpSmsGateway(NameOf(p), p, Client(p.TimeoutSeconds)),
            _ => throw new InvalidOperationException($"SMS provider '{p.Name}' has unknown kind '{p.Kind}'; use file or http"),
        }).ToList();
        return new NotificationGateways(email, sms);
    }

    static string NameOf(NotificationProviderOptions p) => string.IsNullOrWhiteSpace(p.Name) ? p.Kind : p.Name;

    /// <summary>A long-lived client whose pooled connections are renewed, so a provider's new address is picked up.</summary>
    static HttpClient Client(int timeoutSeconds) =>
        new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = TimeSpan.FromSeconds(Math.Max(1, timeoutSeconds)) };

    /// <summary>The single provider of the "Qonys:Email" settings, for installations that configure no list.</summary>
    static NotificationProviderOptions Legacy(EmailOptions e) => new()
    {
        Name = e.Gateway, Kind = e.Gateway, Folder = e.FileFolder, SmtpHost = e.SmtpHost, SmtpPort = e.SmtpPort, SmtpSsl = e.SmtpSsl,
        SmtpUser = e.SmtpUser, SmtpPassword = e.SmtpPassword,
    };
}

internal static class NotificationSetup
{
    /// <summary>The outbox and its delivery: the notifier, the dispatcher, the providers, templates and preferences.</summary>
    public static IServiceCollection AddQonysNotifications(this IServiceCollection services)
    {
        services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.Section);
        services.AddSingleton(sp => NotificationGateways.From(sp.GetRequiredService<IOptions<QonysOptions>>().Value,
            sp.GetRequiredService<IOptions<NotificationOptions>>().Value));
        services.AddSingleton<NotificationTemplates>();
        services.AddScoped<Notifier>();
        services.AddScoped<NotificationDispatcher>();
        services.AddScoped<NotificationPreferences>();
        services.AddScoped<NotificationDeliveries>();
        services.AddPermission(NotificationDeliveries.ManagePermission, Roles.Administrator);
        return services;
    }
}
