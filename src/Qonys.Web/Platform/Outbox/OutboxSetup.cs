using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Qonys.Web.Platform.Outbox;

internal static class OutboxSetup
{
    /// <summary>Administrators read the outbox (the API and the page).</summary>
    public const string OutboxRead = "integration.outbox.read";

    /// <summary>
    /// The outbox: the service use cases emit events through, the numbering of events per aggregate on save, the reading,
    /// and — where a broker is configured and the node runs background jobs — the relay to RabbitMQ. Without a broker
    /// (the default, demo mode) events stay in the outbox, where the administrator's page shows them.
    /// </summary>
    public static void AddQonysOutbox(this IServiceCollection services, IConfiguration configuration, QonysOptions options)
    {
        services.AddPermission(OutboxRead, Roles.Administrator);
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section);
        services.AddSingleton<IInterceptor, OutboxSequencing>();
        services.AddSingleton<OutboundEventCatalog>();
        services.AddScoped<OutboundEvents>();
        services.AddScoped<OutboxReading>();
        var broker = configuration.GetSection(OutboxOptions.Section).Get<OutboxOptions>() ?? new OutboxOptions();
        if (!broker.HasBroker) return;
        services.AddSingleton<IOutboxBroker, RabbitMqBroker>();
        services.AddScoped<OutboxPublishing>();
        if (options.Jobs.RunBackgroundJobs) services.AddPeriodicJob<OutboxRelay>();
    }

    /// <summary>
    /// Registers an outbound event type (a module's <c>AddServices</c>, one line per type); <see cref="OutboundEvents.Emit{TEvent}"/>
    /// refuses types not registered, and the schema document lists exactly the registered ones.
    /// </summary>
    public static void AddOutboundEvent<TEvent>(this IServiceCollection services) where TEvent : IOutboundEvent =>
        services.AddSingleton(OutboundEventCatalog.Describe(typeof(TEvent)));
}
