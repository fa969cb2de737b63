using Microsoft.AspNetCore.OpenApi;
using Qonys.Web.Modules.Integration.Contracts;
using Qonys.Web.Modules.Integration.Inbox;

namespace Qonys.Web.Modules.Integration;

/// <summary>
/// Inbound events from the state information systems (PRODUCT.md §2.9): one endpoint, the inbox that applies each
/// event id once, the dead-letter list and its replay. The module routes; each event type's handler belongs to the
/// module whose data it changes and is registered there (docs/architecture.md "Inbound events").
/// </summary>
internal sealed class IntegrationModule : IModule
{
    public const string EventsSend = "integration.events.send";
    public const string InboxManage = "integration.inbox.manage";

    public void AddServices(IServiceCollection services, QonysOptions options)
    {
        services.AddPermission(EventsSend, Roles.IntegrationClient, Roles.Administrator);
        services.AddPermission(InboxManage, Roles.Administrator);
        services.AddSingleton<InboundRoutes>();
        services.AddScoped<InboundEventIntake>();
        services.AddScoped<IInboundEvents>(sp => sp.GetRequiredService<InboundEventIntake>());
        services.AddScoped<DeadLetters>();
        services.Configure<OpenApiOptions>("v1", o => o.AddDocumentTransformer<OpenApi.InboundEventSchemas>());
        services.AddNavigationEntry("/integration/dead-letters", "nav.dead_letters", InboxManage);
    }

    public void MapEndpoints(IEndpointRouteBuilder app) => app.MapIntegrationApi();
}
