using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Qonys.Web.Platform.Security;

/// <summary>
/// CSRF: a state-changing request (POST, PUT, PATCH, DELETE) that the sign-in cookie authenticates must carry the
/// antiforgery token — the form field every page form has, or the <see cref="HeaderName"/> header the pages' scripts
/// send — else it is refused (403) before it runs. A browser attaches the cookie to a forged cross-site request; it
/// cannot attach the token. Bearer-token calls are not affected (a browser never sends the token by itself), and Razor
/// Pages validate their own forms.
/// </summary>
sealed class RequestForgeryProtection(RequestDelegate next, IAntiforgery antiforgery)
{
    public const string HeaderName = "RequestVerificationToken";

    public async Task InvokeAsync(HttpContext http)
    {
        if (NeedsToken(http) && !await antiforgery.IsRequestValidAsync(http))
        {
            await ResultMapping.Problem(403, "Request forgery refused",
                "A request signed in with the session cookie must carry the antiforgery token (the form field or the " +
                HeaderName + " header). Programs call the API with a bearer token instead.", "csrf").ExecuteAsync(http);
            return;
        }
        await next(http);
    }

    static bool NeedsToken(HttpContext http) =>
        !(HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) ||
          HttpMethods.IsOptions(http.Request.Method) || HttpMethods.IsTrace(http.Request.Method))
        && http.User.Identity?.IsAuthenticated == true
        && !IsBearer(http) // the scheme selector's own test: no bearer header, so the cookie signed this request in
        && http.GetEndpoint()?.Metadata.GetMetadata<PageActionDescriptor>() is null;

    static bool IsBearer(HttpContext http) =>
        http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
}
