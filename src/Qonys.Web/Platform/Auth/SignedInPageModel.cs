using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Qonys.Web.Platform.Auth;

/// <summary>
/// A Razor Page for signed-in users: <see cref="Actor"/> is the caller, built once per request from the principal,
/// as <see cref="Auth.Actor.BindAsync"/> does for the API's handlers.
/// </summary>
internal abstract class SignedInPageModel : PageModel
{
    protected Actor Actor => field ??= Auth.Actor.From(HttpContext);
}
