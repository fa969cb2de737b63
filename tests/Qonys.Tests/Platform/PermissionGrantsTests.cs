using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Qonys.Web.Host;
using Qonys.Web.Modules.AnalyticalCentre;
using Qonys.Web.Modules.Permits;
using Qonys.Web.Platform.Auth;

namespace Qonys.Tests.Platform;

/// <summary>The grant table: one registration per grant, collected by the host into one table per host.</summary>
public sealed class PermissionGrantsTests
{
    static PermissionGrants Table(Action<IServiceCollection> grant)
    {
        var services = new ServiceCollection();
        grant(services);
        services.AddSingleton<PermissionGrants>();
        return services.BuildServiceProvider().GetRequiredService<PermissionGrants>();
    }

    [Fact]
    public void A_permission_is_held_by_the_roles_it_is_granted_to_and_no_other()
    {
        var grants = Table(s =>
        {
            s.AddPermission("things.read", Roles.Analyst, Roles.Officer);
            s.AddPermission("things.manage", Roles.Administrator);
        });
        grants.All.ShouldBe(["things.read", "things.manage"], ignoreOrder: true);
        grants.Allows(Roles.Analyst, "things.read").ShouldBeTrue();
        grants.Allows(Roles.Officer, "things.read").ShouldBeTrue();
        grants.Allows(Roles.Administrator, "things.read").ShouldBeFalse();
        grants.Allows(Roles.Administrator, "things.manage").ShouldBeTrue();
        grants.Allows(Roles.Administrator, "things.unknown").ShouldBeFalse();
    }

    [Fact]
    public void A_permission_granted_twice_stops_the_host_from_building_its_table() =>
        Should.Throw<InvalidOperationException>(() => Table(s =>
        {
            s.AddPermission("things.read", Roles.Analyst);
            s.AddPermission("things.read", Roles.Officer);
        })).Message.ShouldContain("things.read");

    [Fact]
    public async Task The_host_collects_the_platforms_and_every_modules_grants()
    {
        var folder = Directory.CreateTempSubdirectory("qonys-grants-");
        try
        {
            await using var app = QonysApp.Build(["--Qonys:Database:DataFolder", folder.FullName]);
            var grants = app.Services.GetRequiredService<PermissionGrants>();
            grants.Allows(Roles.Auditor, Permissions.AuditRead).ShouldBeTrue();
            grants.Allows(Roles.Administrator, Permissions.AuditRead).ShouldBeFalse();
            grants.Allows(Roles.Analyst, AnalyticalCentreModule.ForecastsRead).ShouldBeTrue();
            grants.Allows(Roles.Employer, AnalyticalCentreModule.ForecastsRead).ShouldBeFalse();
            grants.Allows(Roles.Employer, PermitsModule.ApplicationsSubmit).ShouldBeTrue();
            grants.Allows(Roles.Inspector, PermitsModule.ApplicationsDecide).ShouldBeFalse();
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void An_actor_of_a_request_answers_from_the_hosts_table_and_one_from_claims_alone_refuses_to_guess()
    {
        var services = new ServiceCollection();
        services.AddPermission("things.read", Roles.Analyst);
        services.AddSingleton<PermissionGrants>();
        Claim[] claims = [new(ClaimTypes.NameIdentifier, $"{Guid.NewGuid()}"), new(Actor.RoleClaim, Roles.Analyst)];
        var user = new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
        var http = new DefaultHttpContext { User = user, RequestServices = services.BuildServiceProvider() };

        var actor = Actor.From(http);
        actor.Can("things.read").ShouldBeTrue();
        actor.Can("things.manage").ShouldBeFalse();
        Should.Throw<InvalidOperationException>(() => Actor.From(user).Can("things.read"));
    }
}
