using Qonys.Web.Modules.Registry.Contracts;
using Qonys.Web.Modules.Registry.Employers;

namespace Qonys.Web.Modules.Registry.Directory;

/// <summary>What the registry publishes to other modules (its <c>Contracts</c>) and its organisations' access rule.</summary>
internal static class RegistryDoors
{
    public static void AddRegistryDoors(this IServiceCollection services)
    {
        services.AddScoped<IEmployerDirectory, EmployerDirectory>();
        services.AddScoped<IPersonDirectory, PersonDirectory>();
        services.AddRecordAccess<EmployerAccess>();
    }
}
