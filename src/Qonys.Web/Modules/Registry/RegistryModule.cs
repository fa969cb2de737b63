using Qonys.Web.Modules.Registry.RegisterEmployer;
using Qonys.Web.Platform.Auth;
using Qonys.Web.Platform.Hosting;
using Qonys.Web.Platform.Idempotency;

namespace Qonys.Web.Modules.Registry;

public static class RegistryModule
{
    public static void AddRegistryModule(this IServiceCollection services)
    {
        services.AddScoped<Registry.RegisterEmployer.RegisterEmployer>();
        services.AddScoped<GetEmployer>();
        services.AddScoped<Platform.Demo.IDemoDataContributor, Demo.EmployersDemoData>();
    }

    public static void MapRegistryApi(this IEndpointRouteBuilder app)
    {
        var employers = app.MapGroup("/api/v1/employers").WithTags("Employers");

        employers.MapPost("", async (EmployerRequest body, HttpContext http, Registry.RegisterEmployer.RegisterEmployer useCase, CancellationToken ct) =>
                (await useCase.HandleAsync(Actor.From(http.User), body, ct)).ToHttp(location: e => $"/api/v1/employers/{e.Bin}"))
            .RequireAuthorization(Permissions.EmployersRegister)
            .WithIdempotency();

        employers.MapGet("/{bin}", async (string bin, HttpContext http, GetEmployer useCase, CancellationToken ct) =>
                (await useCase.HandleAsync(Actor.From(http.User), bin, ct)).ToHttp())
            .RequireAuthorization(Permissions.EmployersRead);
    }
}
