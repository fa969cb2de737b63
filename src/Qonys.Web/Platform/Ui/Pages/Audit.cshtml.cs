using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Qonys.Web.Platform.Audit;
using Qonys.Web.Platform.Auth;
using Qonys.Web.Platform.Data;

namespace Qonys.Web.Platform.Ui.Pages;

[Authorize(Policy = Permissions.AuditRead)]
public sealed class AuditModel(AppDb db, AuditLog log) : PageModel
{
    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];
    public AuditVerification? Verification { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task OnPostVerifyAsync(CancellationToken ct)
    {
        Verification = await AuditChain.VerifyAsync(db, ct);
        await log.RecordNowAsync(Actor.From(User), PlatformAuditEvents.AuditVerified, null, null,
            new { Verification.Intact, Verification.EntriesChecked, Verification.FirstBrokenShard, Verification.FirstBrokenSeq }, ct);
        await LoadAsync(ct);
    }

    async Task LoadAsync(CancellationToken ct) =>
        Entries = await db.Set<AuditEntry>().AsNoTracking().OrderByDescending(e => e.At).ThenByDescending(e => e.Shard).ThenByDescending(e => e.Seq).Take(100).ToListAsync(ct);
}
