using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Qonys.Web.Modules.AnalyticalCentre;
using Qonys.Web.Modules.Compliance;
using Qonys.Web.Modules.Integration;
using Qonys.Web.Modules.Permits;
using Qonys.Web.Modules.Registry;
using Qonys.Web.Modules.Selection;
using Qonys.Web.Modules.Support;
using Qonys.Web.Platform.Demo;
using Qonys.Web.Platform.Import;
using Qonys.Web.Platform.Security;

namespace Qonys.Web.Host;

/// <summary>Builds the one host: platform services, then each module, then the HTTP pipeline. Reads as a table of contents.</summary>
internal static class QonysApp
{
    /// <summary>The modules, one line each; their menu entries appear in this order.</summary>
    static readonly IModule[] Modules =
    [
        new RegistryModule(),
        new ComplianceModule(),
        new PermitsModule(),
        new AnalyticalCentreModule(),
        new SelectionModule(),
        new SupportModule(),
        new IntegrationModule(),
    ];

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // ApplicationName: pages and static assets belong to this assembly, also when a test process hosts the app.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args, ContentRootPath = ContentRoot(), ApplicationName = typeof(QonysApp).Assembly.GetName().Name,
        });
        configure?.Invoke(builder);
        var options = builder.Configuration.GetSection(QonysOptions.Section).Get<QonysOptions>() ?? new QonysOptions();
        builder.Services.Configure<QonysOptions>(builder.Configuration.GetSection(QonysOptions.Section));
        ConfigureLogging(builder, options);

        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddQonysDatabase(options);
        services.AddQonysAuth(options);
        services.AddPermissionGrants();
        services.AddQonysOAuth(options);
        services.AddQonysAudit();
        services.AddQonysOutbox(builder.Configuration, options);
        services.AddQonysSecurity(builder.Configuration);
        services.AddSingleton<ReferenceCache>();
        services.AddScoped<ReferenceData>();
        services.AddScoped<ReferenceSeeder>();
        services.AddScoped<RuleValueEditing>();
        services.AddQonysNotifications();
        services.AddScoped<DemoAccounts>();
        services.AddScoped<DemoDataSet>();
        services.AddQonysJobs();
        services.AddQonysImport();
        if (options.Jobs.RunBackgroundJobs) services.AddPeriodicJob<NotificationJob>();
        if (options.Jobs.RunBackgroundJobs) services.AddPeriodicJob<AuditAnchoringJob>();
        services.AddPeriodicJob<IdempotencyKeyCleanup>();

        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            ctx.ProblemDetails.Type ??= ResultMapping.ProblemBase + ctx.ProblemDetails.Status;
            ctx.ProblemDetails.Extensions["traceId"] = ctx.HttpContext.TraceIdentifier;
        });
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.SnakeCaseLower));
            o.SerializerOptions.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict;
        });
        services.AddNullElementRejection();
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes);
        services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = options.MaxRequestBodyBytes);
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        services.AddOpenApi(Platform.OpenApi.OpenApiConventions.Configure);
        services.AddQonysUi();

        foreach (var module in Modules) module.AddServices(services, options);

        var app = builder.Build();

        app.UseQonysSecurityHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseQonysLocalization();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseQonysRequestForgeryProtection();
        app.UseAuthorization();
        app.UseMiddleware<IdempotencyMiddleware>();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapAuthApi();
        app.MapReferenceApi();
        app.MapAuditApi();
        app.MapNotificationsApi();
        app.MapOutboxApi();
        app.MapNotificationSettingsApi();
        app.MapImportApi();
        foreach (var module in Modules) module.MapEndpoints(app);
        app.MapQonysUi();
        return app;
    }

    /// <summary>The folder holding wwwroot: the app's own output folder when it has one (tests, published app), else the project.</summary>
    static string ContentRoot() =>
        Directory.Exists(Path.Combine(AppContext.BaseDirectory, "wwwroot")) ? AppContext.BaseDirectory : Directory.GetCurrentDirectory();

    static void ConfigureLogging(WebApplicationBuilder builder, QonysOptions options)
    {
        builder.Logging.ClearProviders();
        builder.AddQonysTelemetry(options);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
    }

    /// <summary>Migrations (where configured), reference data, and in demo mode the demo data set and accounts.</summary>
    public static async Task PrepareAsync(WebApplication app, CancellationToken ct = default)
    {
        var options = app.Services.GetRequiredService<IOptions<QonysOptions>>().Value;
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        if (options.Database.MigrateOnStart ?? options.IsDemo) await Migrator.MigrateAsync(db, ct);
        await scope.ServiceProvider.GetRequiredService<ReferenceSeeder>().SeedAsync(ct);
        if (options.IsDemo)
        {
            await scope.ServiceProvider.GetRequiredService<DemoDataSet>().EnsureLoadedAsync(ct);
            await scope.ServiceProvider.GetRequiredService<DemoAccounts>().EnsureAsync();
            await scope.ServiceProvider.GetRequiredService<IntegrationClients>().EnsureDemoClientAsync(ct);
        }
    }
}
