using Qonys.Web.Modules.Registry.RegisterEmployer;
using static Qonys.Web.Modules.Registry.RegistryModule;

namespace Qonys.Web.Modules.Registry;

/// <summary>The register's API, /api/v1/employers.</summary>
public static class RegistryEndpoints
{
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
