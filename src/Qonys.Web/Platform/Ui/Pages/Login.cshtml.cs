using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Qonys.Web.Platform.Ui.Pages;

/// <summary>Checks passwords like the token endpoint, so it shares its per-address rate limit.</summary>
[EnableRateLimiting(AuthSetup.TokenRateLimit)]
internal sealed class LoginModel(TokenIssuing issuing, SignInManager<AppUser> signIn, IStringLocalizer t) : PageModel
{
    public sealed record FieldError(string Field, string Message);

    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public List<FieldError> Errors { get; } = [];

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var verified = await issuing.VerifyAsync(new TokenRequest(Email, Password), AuthEndpoints.SourceOf(HttpContext), ct);
        switch (verified.Outcome)
        {
            case Outcome.Ok:
                await signIn.SignInAsync(verified.Value!.User, isPersistent: false);
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
            case Outcome.Invalid:
                foreach (var (field, messages) in verified.Errors!.ToDictionary())
                    Errors.Add(new FieldError(field, t["login." + field] + ": " + t["form.required"]));
                break;
            case Outcome.Refused:
                Errors.Add(new FieldError("email", t["login.locked"]));
                break;
            default:
                Errors.Add(new FieldError("email", t["login.wrong"]));
                break;
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
