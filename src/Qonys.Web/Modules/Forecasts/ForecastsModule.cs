namespace Qonys.Web.Modules.Forecasts;

/// <summary>Forecasts of monthly flows with back-tests (PRODUCT.md §2.7): the API and the analyst page /analytics/forecasts.</summary>
public static class ForecastsModule
{
    public const string ForecastsRead = "forecasts.read";

    public static void AddForecastsModule(this IServiceCollection services)
    {
        Permissions.Grant(ForecastsRead, Roles.Analyst, Roles.Administrator);
        services.AddScoped<ForecastSeriesCatalogue>();
        services.AddScoped<SeriesForecasting>();
    }
}
