using Microsoft.AspNetCore.Http.HttpResults;
using Qonys.Web.Modules.Registry.Employers;
using Qonys.Web.Platform.OpenApi;

namespace Qonys.Web.Modules.Registry;

/// <summary>The employers register's API (docs/api.md "Registry").</summary>
internal static class RegistryEndpoints
{
    public static void MapRegistryApi(this IEndpointRouteBuilder app)
    {
        var employers = app.MapGroup("/api/v1/employers")
            .WithTag("Employers", "The register of organisations (by BIN) that employ foreign labour.");
        employers.MapPost("", Register).WithName("RegisterEmployer")
            .RequireAuthorization(Permissions.EmployersRegister).WithIdempotency()
            .WithSummary("Register an organisation by BIN (check digit validated) with its staff by category.");
        employers.MapGet("/{bin}", Get).WithName("GetEmployer")
            .RequireAuthorization(Permissions.EmployersRead)
            .WithSummary("One registered organisation (officers and inspectors: own region; employers: own BIN).");
    }

    static async Task<Results<Created<EmployerResponse>, ValidationProblem, ForbiddenProblem, ConflictProblem>>
        Register(EmployerRequest body, Actor actor, RegisterEmployer useCase, CancellationToken ct) =>
        (await useCase.HandleAsync(actor, body, ct)).ToHttp(
            e => TypedResults.Created($"/api/v1/employers/{e.Bin}", e),
            Refusals.Invalid, Refusals.Forbidden, Refusals.Conflict);

    static async Task<Results<Ok<EmployerResponse>, NotFoundProblem>> Get(
        string bin, Actor actor, GetEmployer useCase, CancellationToken ct) =>
        (await useCase.HandleAsync(actor, bin, ct)).ToOk(Refusals.NotFound);
}
