using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Qonys.Web.Platform.Audit;

internal static class AuditSetup
{
    /// <summary>The audit log, its reading, and the sealing of new entries into the hash chain on every save.</summary>
    public static void AddQonysAudit(this IServiceCollection services)
    {
        services.AddSingleton<IInterceptor, AuditSealing>();
        services.AddScoped<AuditLog>();
        services.AddScoped<AuditReading>();
        services.AddScoped<AuditAnchoring>();
    }
}
