using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Qonys.Web.Platform.UseCases;

namespace Qonys.Tests.Platform.UseCases;

/// <summary>
/// The typed refusals write the bodies the endpoints wrote before they were typed: the same problem details, byte
/// for byte, as <c>TypedResults.Problem</c> and <c>TypedResults.ValidationProblem</c> built as they were then.
/// </summary>
public sealed class ResultMappingTests
{
    const string Base = "https://qonys.kz/problems/";

    static readonly IServiceProvider Services = new ServiceCollection().AddLogging()
        .AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
            ctx.ProblemDetails.Extensions["traceId"] = ctx.HttpContext.TraceIdentifier)
        .BuildServiceProvider();

    static async Task<(int Status, string? ContentType, string Body)> WriteAsync(IResult result)
    {
        var http = new DefaultHttpContext { RequestServices = Services, TraceIdentifier = "trace-1" };
        using var body = new MemoryStream();
        http.Response.Body = body;
        await result.ExecuteAsync(http);
        return (http.Response.StatusCode, http.Response.ContentType, Encoding.UTF8.GetString(body.ToArray()));
    }

    static UseCaseResult<string> Refused(Outcome outcome) => outcome switch
    {
        Outcome.Invalid => UseCaseResult<string>.Invalid(ValidationErrors.Of("staff.citizens.3", "must be 0 or more")),
        Outcome.NotFound => UseCaseResult<string>.NotFound(),
        Outcome.Forbidden => UseCaseResult<string>.Forbidden("An officer registers employers of region KZ-35 only."),
        Outcome.Conflict => UseCaseResult<string>.Conflict("An application that is approved cannot be approved."),
        _ => UseCaseResult<string>.Refused("quota", "Only 3 places are left in the 2026 quota."),
    };

    /// <summary>Each refusal as the former <c>ToHttp()</c> built it.</summary>
    static IResult Former(UseCaseResult<string> r) => r.Outcome switch
    {
        Outcome.Invalid => TypedResults.ValidationProblem(r.Errors!.ToDictionary(), title: "The request is not valid",
            type: Base + "validation"),
        Outcome.NotFound => TypedResults.Problem("The record does not exist or you may not see it.", statusCode: 404,
            title: "Not found", type: Base + "not-found"),
        Outcome.Forbidden => TypedResults.Problem(r.Detail, statusCode: 403, title: "Forbidden",
            type: Base + "forbidden"),
        Outcome.Conflict => TypedResults.Problem(r.Detail, statusCode: 409, title: "Conflict", type: Base + "conflict"),
        _ => TypedResults.Problem(r.Detail, statusCode: 422, title: "A business rule refused the request",
            type: Base + "rule/" + r.Rule, extensions: new Dictionary<string, object?> { ["rule"] = r.Rule }),
    };

    [Theory]
    [InlineData(Outcome.Invalid, 400)]
    [InlineData(Outcome.NotFound, 404)]
    [InlineData(Outcome.Forbidden, 403)]
    [InlineData(Outcome.Conflict, 409)]
    [InlineData(Outcome.Refused, 422)]
    public async Task A_refusal_writes_the_same_problem_details_as_before(Outcome outcome, int status)
    {
        var refusal = Refused(outcome);

        var typed = refusal.ToOk(Refusals.Invalid, Refusals.NotFound, Refusals.Forbidden, Refusals.Conflict,
            Refusals.Rule);
        var (typedStatus, typedType, typedBody) = await WriteAsync(typed);
        var (formerStatus, formerType, formerBody) = await WriteAsync(Former(refusal));

        typedStatus.ShouldBe(status);
        typedType.ShouldBe("application/problem+json");
        (typedStatus, typedType, typedBody).ShouldBe((formerStatus, formerType, formerBody));
        typedBody.ShouldContain("\"traceId\":\"trace-1\"");
    }

    [Fact]
    public async Task The_rule_refusal_names_the_rule_in_its_type_and_its_body()
    {
        var (_, _, body) = await WriteAsync(Refused(Outcome.Refused).ToOk(Refusals.Rule));
        var json = JsonDocument.Parse(body).RootElement;
        json.GetProperty("type").GetString().ShouldBe(Base + "rule/quota");
        json.GetProperty("rule").GetString().ShouldBe("quota");
        json.GetProperty("status").GetInt32().ShouldBe(422);
    }

    [Fact]
    public async Task A_success_is_200_with_the_value()
    {
        var result = UseCaseResult<string>.Ok("permit").ToOk(Refusals.NotFound);
        result.Result.ShouldBeOfType<Ok<string>>().Value.ShouldBe("permit");
        (await WriteAsync(result)).Status.ShouldBe(200);
    }

    [Fact]
    public void A_refusal_the_endpoint_does_not_declare_is_a_programming_error()
    {
        Should.Throw<InvalidOperationException>(() => Refused(Outcome.Conflict).ToOk(Refusals.NotFound))
            .Message.ShouldContain("Conflict");
        Should.Throw<InvalidOperationException>(() => Refused(Outcome.NotFound).ToOk());
    }
}
