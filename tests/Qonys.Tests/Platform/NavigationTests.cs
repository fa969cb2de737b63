using Microsoft.Extensions.DependencyInjection;
using Qonys.Web.Host;
using Qonys.Web.Platform.Auth;
using Qonys.Web.Platform.Ui;

namespace Qonys.Tests.Platform;

/// <summary>The menus the host assembles from the platform's entries and the modules' contributions.</summary>
public sealed class NavigationTests
{
    static async Task<T> WithHostAsync<T>(Func<IServiceProvider, T> read)
    {
        var folder = Directory.CreateTempSubdirectory("qonys-menu-");
        try
        {
            await using var app = QonysApp.Build(["--Qonys:Database:DataFolder", folder.FullName]);
            return read(app.Services);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    static Task<List<NavigationEntry>> MenuAsync(string role) =>
        WithHostAsync(s => s.GetRequiredService<Navigation>().For(role).ToList());

    [Fact]
    public async Task The_analytical_centres_section_menu_joins_the_links_of_demography_and_forecasts_in_their_places()
    {
        var links = await WithHostAsync(s => s.GetRequiredService<SectionNavigation>().For("analytics").ToList());
        links.Select(l => (l.Href, l.TextKey)).ShouldBe(
        [
            ("/analytics/projections", "analytics.nav.projections"),
            ("/analytics/scenarios", "analytics.nav.scenarios"),
            ("/analytics/forecasts", "analytics.nav.forecasts"),
            ("/analytics/labour-deficit", "analytics.nav.labour_deficit"),
        ]);
    }

    [Fact]
    public async Task The_platform_frames_the_modules_entries_in_the_order_the_modules_are_listed()
    {
        var menu = await MenuAsync(Roles.Administrator);
        menu.Select(e => (e.Href, e.TextKey)).ShouldBe(
        [
            ("/", "nav.dashboard"),
            ("/imports", "nav.imports"),
            ("/permits/apply", "nav.permits.apply"),
            ("/permits", "nav.permits"),
            ("/permits/queue", "nav.permits.queue"),
            ("/quotas", "nav.quotas"),
            ("/analytics/foreign-workers", "nav.workers"),
            ("/analytics/projections", "nav.analytics_centre"),
            ("/selection/profile", "nav.selection.profile"),
            ("/selection/scorecards", "nav.selection.scorecards"),
            ("/selection/rounds", "nav.selection.rounds"),
            ("/integration/dead-letters", "nav.dead_letters"),
            ("/integration/outbox", "nav.outbox"),
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
