using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Qonys.Web.Platform.Security;

/// <summary>The web-security part of the pipeline: headers, HTTPS behind a proxy, CSRF checks (revocation: SessionRevocation).</summary>
internal static class SecuritySetup
{
    public static void AddQonysSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(SecurityOptions.Section);
        var options = section.Get<SecurityOptions>() ?? new SecurityOptions();
        services.Configure<SecurityOptions>(section);
        services.Configure<KestrelServerOptions>(k => k.AddServerHeader = false);
        services.AddSingleton<Pseudonyms>();
        services.AddAntiforgery(o =>
        {
            o.HeaderName = RequestForgeryProtection.HeaderName;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        if (options.BehindProxy)
            services.Configure<ForwardedHeadersOptions>(o =>
            {
                o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
                foreach (var proxy in options.KnownProxies) o.KnownProxies.Add(IPAddress.Parse(proxy));
            });
    }

    /// <summary>First in the pipeline: every response, errors and static files included, gets the headers.</summary>
    public static void UseQonysSecurityHeaders(this WebApplication app)
    {
        if (app.Configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>()?.BehindProxy == true) app.UseForwardedHeaders();
        app.UseMiddleware<SecurityHeaders>();
    }

    /// <summary>After authentication, before authorization: forged cookie-signed requests are refused.</summary>
    public static void UseQonysRequestForgeryProtection(this WebApplication app) => app.UseMiddleware<RequestForgeryProtection>();
}
