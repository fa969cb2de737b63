using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Qonys.Web.Platform.Ui;

internal static class UiSetup
{
    public static void AddQonysUi(this IServiceCollection services)
    {
        var strings = new UiStrings();
        services.AddSingleton(strings);
        services.AddSingleton<IStringLocalizerFactory>(strings);
        services.AddSingleton<IStringLocalizer>(strings);
        services.AddScoped<Inbox>();
        services.AddScoped<Dashboard>();
        services.AddDashboardTiles<PlatformDashboardTiles>();
        services.AddSingleton<Navigation>();
        services.AddSingleton<SectionNavigation>();
        services.AddRazorPages(o =>
            {
                o.RootDirectory = "/";
                o.Conventions.AuthorizeFolder("/");
                o.Conventions.AllowAnonymousToPage("/Platform/Ui/Pages/Login");
                o.Conventions.AllowAnonymousToPage("/Platform/Ui/Pages/Index");
                o.Conventions.AllowAnonymousToPage("/Platform/Ui/Pages/Forbidden");
                o.Conventions.AllowAnonymousToPage("/Platform/Ui/Pages/ApiDocs");
            })
            .AddViewLocalization()
            .ConfigureApplicationPartManager(AddOwnPages);
    }

    /// <summary>
    /// The pages are compiled into this assembly. MVC discovers them only in the entry assembly, which is not this one
    /// when the host runs inside another process (the integration and browser tests): add them there, once.
    /// </summary>
    static void AddOwnPages(ApplicationPartManager parts)
    {
        var own = typeof(UiSetup).Assembly;
        if (parts.ApplicationParts.OfType<AssemblyPart>().Any(p => p.Assembly == own)) return;
        foreach (var part in ApplicationPartFactory.GetApplicationPartFactory(own).GetApplicationParts(own))
            parts.ApplicationParts.Add(part);
    }

    /// <summary>A module's menu entry, shown to the roles that hold <paramref name="permission"/> (everyone when null).</summary>
    internal static void AddNavigationEntry(this IServiceCollection services, string href, string textKey, string? permission) =>
        services.AddSingleton(new NavigationEntry(href, textKey, permission));

    /// <summary>A link in a section's sub-navigation, at <paramref name="place"/> among the section's links.</summary>
    internal static void AddSectionLink(this IServiceCollection services, string section, string href, string textKey, int place) =>
        services.AddSingleton(new SectionLink(section, href, textKey, place));

    /// <summary>A module's figures on the landing page.</summary>
    internal static void AddDashboardTiles<T>(this IServiceCollection services) where T : class, IDashboardTiles =>
        services.AddScoped<IDashboardTiles, T>();

    /// <summary>A module's page that anyone may open without signing in (every other page needs a signed-in user).</summary>
    internal static void AddAnonymousPage(this IServiceCollection services, string page) =>
        services.Configure<RazorPagesOptions>(o => o.Conventions.AllowAnonymousToPage(page));

    public static void MapQonysUi(this WebApplication app)
    {
        app.MapRazorPages();
        app.MapPost("/logout", async (HttpContext http, UserManager<AppUser> users) =>
            {
                // A new security stamp: this cookie, copies of it and the account's bearer tokens stop working.
                if (await users.GetUserAsync(http.User) is { } user) await SessionRevocation.RevokeAsync(users, user);
                await http.SignOutAsync(IdentityConstants.ApplicationScheme);
                return Results.Redirect("/login");
            })
            .RequireAuthorization()
            .ExcludeFromDescription();
    }
}
