using Qonys.Web.Modules.Registry.Directory;
using Qonys.Web.Modules.Integration.Contracts;
using Qonys.Web.Modules.Registry.Employers;
using Qonys.Web.Modules.Registry.Import;
using Qonys.Web.Modules.Registry.Persons;
using Qonys.Web.Platform.Import;

namespace Qonys.Web.Modules.Registry;

/// <summary>The register of employers (BIN) and their staff, which the permit checks and the dashboards read.</summary>
internal sealed class RegistryModule : IModule
{
    public void AddServices(IServiceCollection services, QonysOptions options)
    {
        services.AddScoped<RegisterEmployer>();
        services.AddScoped<GetEmployer>();
        services.AddRegistryDoors();
        services.AddDashboardTiles<RegistryDashboardTiles>();
        services.AddImportKind<PersonImport>();
        services.AddImportKind<EmployerImport>();
        services.AddScoped<Platform.Demo.IDemoDataContributor, Demo.EmployersDemoData>();
        services.AddInboundEventHandler<AddressChangedHandler, AddressChangedPayload>("address_changed",
            "Population register: a person's registered address changed (the person by IIN).");
        services.AddInboundEventHandler<DeathRegisteredHandler, DeathRegisteredPayload>("death_registered",
            "Population register: a person's death was registered (the person by IIN).");
    }

    public void MapEndpoints(IEndpointRouteBuilder app) => app.MapRegistryApi();
}
