namespace Qonys.Web.Modules.Forecasts;

/// <summary>Forecasts of monthly flows with back-tests (PRODUCT.md §2.7): the API and the analyst page /analytics/forecasts.</summary>
internal sealed class ForecastsModule : IModule
{
    public const string ForecastsRead = "forecasts.read";

    public void AddServices(IServiceCollection services, QonysOptions options)
    {
        Permissions.Grant(ForecastsRead, Roles.Analyst, Roles.Administrator);
        services.AddSectionLink("analytics", "/analytics/forecasts", "analytics.nav.forecasts", 30);
        services.AddScoped<ForecastSeriesCatalogue>();
        services.AddScoped<SeriesForecasting>();
    }

    public void MapEndpoints(IEndpointRouteBuilder app) => app.MapForecastsApi();
}
