using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Qonys.Web.Platform.Ui.Pages;

internal sealed class NotificationsModel(Inbox inbox) : SignedInPageModel
{
    public IReadOnlyList<NotificationResponse> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Items = (await inbox.PageAsync(Actor.UserId, 1, 100, ct)).Items;

    public async Task<IActionResult> OnPostReadAsync(Guid id, CancellationToken ct)
    {
        await inbox.MarkReadAsync(Actor.UserId, id, ct);
        return RedirectToPage();
    }
}
