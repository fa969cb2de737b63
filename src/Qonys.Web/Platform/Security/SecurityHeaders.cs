using Microsoft.Extensions.Options;

namespace Qonys.Web.Platform.Security;

/// <summary>
/// The headers every response carries (docs/security.md): a Content-Security-Policy the pages satisfy (scripts only
/// from the app's own files, no inline script; no framing), nosniff, a strict Referrer-Policy, and on HTTPS requests
/// HSTS. Responses of endpoints (API, pages: where personal data is) are not stored by any cache; static files are.
/// (Kestrel's Server header is switched off in <see cref="SecuritySetup"/>.)
/// </summary>
sealed class SecurityHeaders(RequestDelegate next, IOptions<SecurityOptions> options)
{
    /// <summary>
    /// Styles may be inline: the chart library and htmx set element styles, and a style cannot run script.
    /// Images may be data: URIs (the stylesheet's icons).
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    readonly string _hsts = $"max-age={options.Value.HstsMaxAgeDays * 86_400}; includeSubDomains";

    public Task InvokeAsync(HttpContext http)
    {
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            if (http.Request.IsHttps) headers.StrictTransportSecurity = _hsts;
            if (http.GetEndpoint() is not null)
            {
                headers.CacheControl = "no-store";
                headers.Pragma = "no-cache";
            }
            return Task.CompletedTask;
        });
        return next(http);
    }
}
