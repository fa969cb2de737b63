namespace Qonys.Web.Platform.Hosting;

/// <summary>
/// A module of the house, as the host sees it: the host lists the modules once (<c>Host/QonysApp</c>) and calls these two
/// for each. Everything else a module brings it registers itself in <see cref="AddServices"/>: its use cases and options,
/// its permissions (<see cref="Permissions.AddPermission"/>), its menu entries, section-menu links and dashboard tiles
/// (<c>AddNavigationEntry</c>, <c>AddSectionLink</c>, <c>AddDashboardTiles</c>), its background jobs
/// (<c>AddPeriodicJob</c>) and its demo data. Its Razor Pages are found in its <c>Pages/</c> folder.
/// </summary>
internal interface IModule
{
    /// <summary>Registers the module's services and contributions; runs once per host, before the host is built.</summary>
    void AddServices(IServiceCollection services, QonysOptions options);

    /// <summary>Maps the module's API (its <c>Map…Api</c> extension).</summary>
    void MapEndpoints(IEndpointRouteBuilder app);
}
