using Qonys.Web.Modules.Permits.Access;
using Qonys.Web.Modules.Compliance.Contracts;
using Qonys.Web.Modules.Permits.Contracts;
using Qonys.Web.Modules.Permits.Presence;

namespace Qonys.Web.Modules.Permits.Register;

/// <summary>What the permits module publishes to other modules (its <c>Contracts</c>), and its records' access rules.</summary>
internal static class PermitsDoors
{
    public static void AddPermitsDoors(this IServiceCollection services)
    {
        services.AddScoped<IPermitRegister, PermitRegister>();
        services.AddScoped<IForeignWorkerPresence, ForeignWorkerPresence>();
        services.AddRecordAccess<PermitApplicationAccess>();
        services.AddRecordAccess<PermitAccess>();
        services.AddRecordAccess<PermitChangeRequestAccess>();
        services.AddRecordAccess<HouseholdPermitAccess>();
    }
}
