using Microsoft.AspNetCore.Authorization;

namespace Qonys.Web.Platform.Auth;

internal static class RecordAccessRegistration
{
    /// <summary>
    /// Registers a record kind's access rule once per request scope, both for the use cases that inject it and as an
    /// <see cref="IAuthorizationHandler"/> of <see cref="IAuthorizationService"/>: one instance, one rule.
    /// </summary>
    public static IServiceCollection AddRecordAccess<TAccess>(this IServiceCollection services) where TAccess : class, IAuthorizationHandler
    {
        services.AddScoped<TAccess>();
        services.AddScoped<IAuthorizationHandler>(sp => sp.GetRequiredService<TAccess>());
        return services;
    }
}
