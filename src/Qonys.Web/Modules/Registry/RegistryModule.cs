using Qonys.Web.Modules.Registry.Directory;
using Qonys.Web.Modules.Registry.Employers;

namespace Qonys.Web.Modules.Registry;

public static class RegistryModule
{
    public static void AddRegistryModule(this IServiceCollection services)
    {
        services.AddScoped<RegisterEmployer>();
        services.AddScoped<GetEmployer>();
        services.AddRegistryDoors();
    }
}
