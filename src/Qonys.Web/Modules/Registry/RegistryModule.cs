using Qonys.Web.Modules.Registry.RegisterEmployer;

namespace Qonys.Web.Modules.Registry;

public static class RegistryModule
{
    public static void AddRegistryModule(this IServiceCollection services)
    {
        services.AddScoped<Registry.RegisterEmployer.RegisterEmployer>();
        services.AddScoped<GetEmployer>();
    }
}
