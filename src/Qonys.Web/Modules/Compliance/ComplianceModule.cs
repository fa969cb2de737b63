using Qonys.Web.Modules.Compliance.Contracts;
using Qonys.Web.Modules.Compliance.Import;
using Qonys.Web.Modules.Compliance.Register;
using Qonys.Web.Platform.Import;

namespace Qonys.Web.Modules.Compliance;

/// <summary>Administrative offences of foreign-labour rules (PRODUCT.md §2.5); so far a register other modules read through its door, and its demo data.</summary>
internal sealed class ComplianceModule : IModule
{
    public void AddServices(IServiceCollection services, QonysOptions options)
    {
        services.AddScoped<IOffenceRegister, OffenceRegister>();
        services.AddImportKind<ContractImport>();
        services.AddScoped<Platform.Demo.IDemoDataContributor, Demo.OffencesDemoData>();
    }

    public void MapEndpoints(IEndpointRouteBuilder app)
    {
    }
}
