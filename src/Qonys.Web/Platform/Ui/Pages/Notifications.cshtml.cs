using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Qonys.Web.Platform.Ui.Pages;

public sealed class NotificationsModel(Inbox inbox) : PageModel
{
    public IReadOnlyList<NotificationResponse> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Items = (await inbox.PageAsync(Actor.From(User).UserId, 1, 100, ct)).Items;

    public async Task<IActionResult> OnPostReadAsync(Guid id, CancellationToken ct)
    {
        await inbox.MarkReadAsync(Actor.From(User).UserId, id, ct);
        return RedirectToPage();
    }
}
