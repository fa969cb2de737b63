using Microsoft.AspNetCore.Http.HttpResults;

namespace Qonys.Web.Platform.UseCases;

/// <summary>Maps use-case results to HTTP answers: RFC 9457 problem details for every refusal.</summary>
public static class ResultMapping
{
    public const string ProblemBase = "https://qonys.kz/problems/";

    public static IResult ToHttp<T>(this UseCaseResult<T> result, Func<T, IResult>? onSuccess = null, Func<T, string>? location = null) =>
        result.Outcome switch
        {
            Outcome.Ok => onSuccess is null ? TypedResults.Ok(result.Value) : onSuccess(result.Value!),
            Outcome.Created => TypedResults.Created(location?.Invoke(result.Value!), result.Value),
            Outcome.Invalid => TypedResults.ValidationProblem(result.Errors!.ToDictionary(),
                title: "The request is not valid", type: ProblemBase + "validation"),
            Outcome.NotFound => Problem(404, "Not found", "The record does not exist or you may not see it.", "not-found"),
            Outcome.Forbidden => Problem(403, "Forbidden", result.Detail, "forbidden"),
            Outcome.Conflict => Problem(409, "Conflict", result.Detail, "conflict"),
            Outcome.Refused => RuleProblem(result.Rule!, result.Detail!),
            _ => throw new InvalidOperationException(result.Outcome.ToString()),
        };

    public static ProblemHttpResult Problem(int status, string title, string? detail, string type) =>
        TypedResults.Problem(detail, statusCode: status, title: title, type: ProblemBase + type);

    public static ProblemHttpResult RuleProblem(string rule, string detail) =>
        TypedResults.Problem(detail, statusCode: 422, title: "A business rule refused the request",
            type: ProblemBase + "rule/" + rule, extensions: new Dictionary<string, object?> { ["rule"] = rule });
}
