using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Qonys.Web.Platform.Ui.Pages;

[Authorize(Policy = Permissions.AuditRead)]
internal sealed class AuditModel(AuditReading reading) : SignedInPageModel
{
    public IReadOnlyList<AuditEntryResponse> Entries { get; private set; } = [];
    public AuditVerification? Verification { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task OnPostVerifyAsync(CancellationToken ct)
    {
        Verification = await reading.VerifyAsync(Actor, ct);
        await LoadAsync(ct);
    }

    async Task LoadAsync(CancellationToken ct) => Entries = (await reading.EntriesAsync(null, null, 1, 100, ct)).Items;
}
