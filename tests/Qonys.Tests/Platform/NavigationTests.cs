using Microsoft.Extensions.DependencyInjection;
using Qonys.Web.Host;
using Qonys.Web.Platform.Auth;
using Qonys.Web.Platform.Ui;

namespace Qonys.Tests.Platform;

/// <summary>The menu the host assembles from the platform's entries and the modules' contributions.</summary>
public sealed class NavigationTests
{
    static async Task<IReadOnlyList<NavigationEntry>> MenuAsync(string role)
    {
        var folder = Directory.CreateTempSubdirectory("qonys-menu-");
        try
        {
            await using var app = QonysApp.Build(["--Qonys:Database:DataFolder", folder.FullName]);
            return app.Services.GetRequiredService<Navigation>().For(role).ToList();
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task The_platform_frames_the_modules_entries_in_the_order_the_modules_are_listed()
    {
        var menu = await MenuAsync(Roles.Administrator);
        menu.Select(e => (e.Href, e.TextKey)).ShouldBe(
        [
            ("/", "nav.dashboard"),
            ("/permits/apply", "nav.permits.apply"),
            ("/permits", "nav.permits"),
            ("/permits/queue", "nav.permits.queue"),
            ("/quotas", "nav.quotas"),
            ("/analytics/foreign-workers", "nav.workers"),
            ("/selection/profile", "nav.selection.profile"),
            ("/selection/scorecards", "nav.selection.scorecards"),
            ("/selection/rounds", "nav.selection.rounds"),
            ("/analytics/projections", "nav.analytics_centre"),
            ("/api-docs", "nav.api"),
        ]);
    }

    [Fact]
    public async Task A_role_sees_only_the_entries_its_permissions_open()
    {
        var menu = await MenuAsync(Roles.Auditor);
        menu.Select(e => e.Href).ShouldBe(["/", "/audit", "/selection/scorecards", "/selection/rounds", "/api-docs"]);
    }
}
