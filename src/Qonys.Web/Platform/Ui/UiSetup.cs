using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.Extensions.Localization;

namespace Qonys.Web.Platform.Ui;

public static class UiSetup
{
    public static void AddQonysUi(this IServiceCollection services)
    {
        var strings = new UiStrings();
        services.AddSingleton(strings);
        services.AddSingleton<IStringLocalizerFactory>(strings);
        services.AddSingleton<IStringLocalizer>(strings);
        services.AddScoped<Inbox>();
        services.AddScoped<Dashboard>();
        services.AddRazorPages(o =>
            {
                o.RootDirectory = "/";
                o.Conventions.AuthorizeFolder("/");
                o.Conventions.AllowAnonymousToPage("/Platform/Ui/Pages/Login");
                o.Conventions.AllowAnonymousToPage("/Platform/Ui/Pages/Index");
                o.Conventions.AllowAnonymousToPage("/Platform/Ui/Pages/Forbidden");
                o.Conventions.AllowAnonymousToPage("/Platform/Ui/Pages/ApiDocs");
                o.Conventions.AllowAnonymousToPage("/Modules/Permits/Pages/Verify");
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
