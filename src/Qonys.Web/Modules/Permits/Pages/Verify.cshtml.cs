using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Qonys.Web.Modules.Permits.ViewPermits;

namespace Qonys.Web.Modules.Permits.Pages;

/// <summary>
/// The public verification page (anonymous; the QR code on a permit certificate links here): valid or not, category,
/// validity, employer — no personal data of the worker.
/// </summary>
internal sealed class VerifyModel(PermitQueries permits) : PageModel
{
    [FromRoute] public string? Number { get; set; }
    public PermitVerification? Result { get; private set; }
    public bool Looked { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "number")] string? typed, CancellationToken ct)
    {
        if (Number is null && !string.IsNullOrWhiteSpace(typed))
            return Redirect("/verify/" + Uri.EscapeDataString(typed.Trim().ToUpperInvariant()));
        if (Number is null) return Page();
        Looked = true;
        var found = await permits.VerifyAsync(Number, ct);
        if (found.Succeeded) Result = found.Value;
        else Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
