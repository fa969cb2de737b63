using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Qonys.Web.Modules.Integration.Contracts;

/// <summary>One inbound event type as a module registers it: its name, its payload schema, what it does, its handler.</summary>
internal sealed record InboundEventType(string Name, Type PayloadType, Type HandlerType, string Description);

internal static class InboundEventRegistration
{
    /// <summary>
    /// Registers <typeparamref name="THandler"/> for the event type <paramref name="type"/> (lower-case with underscores,
    /// e.g. <c>address_changed</c>). A type has one handler: the module that owns what the event changes.
    /// </summary>
    public static IServiceCollection AddInboundEventHandler<THandler, TPayload>(this IServiceCollection services, string type, string description)
        where THandler : class, IInboundEventHandler<TPayload> where TPayload : class
    {
        services.TryAddScoped<THandler>();
        services.AddSingleton(new InboundEventType(type, typeof(TPayload), typeof(THandler), description));
        return services;
    }
}
