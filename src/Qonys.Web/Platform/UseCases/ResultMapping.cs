using Microsoft.AspNetCore.Http.HttpResults;

namespace Qonys.Web.Platform.UseCases;

/// <summary>
/// Maps use-case results to typed HTTP answers: the success, or one of the refusals the endpoint declares
/// (<see cref="Refusals"/>), each an RFC 9457 problem. The handler's <c>Results&lt;…&gt;</c> lists them, so the
/// OpenAPI document shows every status the endpoint answers. A refusal the endpoint does not declare is a programming
/// error (an exception, so 500): declare it where the use case gains it.
/// </summary>
internal static class ResultMapping
{
    public const string ProblemBase = "https://qonys.kz/problems/";

    /// <summary>A problem with any status, for the answers of middleware (400, 409, 413, 429, 500).</summary>
    public static ProblemHttpResult Problem(int status, string title, string? detail, string type) =>
        TypedResults.Problem(detail, statusCode: status, title: title, type: ProblemBase + type);

    /// <summary>400 with <c>errors</c> keyed by field.</summary>
    public static ValidationProblem Validation(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "The request is not valid", type: ProblemBase + "validation");

    internal static Results<TSuccess, R1> ToHttp<T, TSuccess, R1>(
        this UseCaseResult<T> result,
        Func<T, TSuccess> onSuccess, Refusal<R1> r1)
        where TSuccess : IResult where R1 : IResult =>
        result.Succeeded ? onSuccess(result.Value!)
            : r1.Answer(result);

    internal static Results<TSuccess, R1, R2> ToHttp<T, TSuccess, R1, R2>(
        this UseCaseResult<T> result,
        Func<T, TSuccess> onSuccess, Refusal<R1> r1, Refusal<R2> r2)
        where TSuccess : IResult where R1 : IResult where R2 : IResult =>
        result.Succeeded ? onSuccess(result.Value!)
            : r1.Answers(result) ? r1.Answer(result)
            : r2.Answer(result);

    internal static Results<TSuccess, R1, R2, R3> ToHttp<T, TSuccess, R1, R2, R3>(
        this UseCaseResult<T> result,
        Func<T, TSuccess> onSuccess, Refusal<R1> r1, Refusal<R2> r2, Refusal<R3> r3)
        where TSuccess : IResult where R1 : IResult where R2 : IResult where R3 : IResult =>
        result.Succeeded ? onSuccess(result.Value!)
            : r1.Answers(result) ? r1.Answer(result)
            : r2.Answers(result) ? r2.Answer(result)
            : r3.Answer(result);

    internal static Results<TSuccess, R1, R2, R3, R4> ToHttp<T, TSuccess, R1, R2, R3, R4>(
        this UseCaseResult<T> result,
        Func<T, TSuccess> onSuccess, Refusal<R1> r1, Refusal<R2> r2, Refusal<R3> r3, Refusal<R4> r4)
        where TSuccess : IResult where R1 : IResult where R2 : IResult where R3 : IResult where R4 : IResult =>
        result.Succeeded ? onSuccess(result.Value!)
            : r1.Answers(result) ? r1.Answer(result)
            : r2.Answers(result) ? r2.Answer(result)
            : r3.Answers(result) ? r3.Answer(result)
            : r4.Answer(result);

    internal static Results<TSuccess, R1, R2, R3, R4, R5> ToHttp<T, TSuccess, R1, R2, R3, R4, R5>(
        this UseCaseResult<T> result,
        Func<T, TSuccess> onSuccess, Refusal<R1> r1, Refusal<R2> r2, Refusal<R3> r3, Refusal<R4> r4, Refusal<R5> r5)
        where TSuccess : IResult
        where R1 : IResult where R2 : IResult where R3 : IResult where R4 : IResult where R5 : IResult =>
        result.Succeeded ? onSuccess(result.Value!)
            : r1.Answers(result) ? r1.Answer(result)
            : r2.Answers(result) ? r2.Answer(result)
            : r3.Answers(result) ? r3.Answer(result)
            : r4.Answers(result) ? r4.Answer(result)
            : r5.Answer(result);

    /// <summary>200 with the value, for a use case that refuses nothing.</summary>
    internal static Ok<T> ToOk<T>(this UseCaseResult<T> result) =>
        result.Succeeded ? TypedResults.Ok(result.Value) : throw Undeclared(result.Outcome);

    /// <summary>200 with the value, or one of the refusals given.</summary>
    internal static Results<Ok<T>, R1> ToOk<T, R1>(
        this UseCaseResult<T> result, Refusal<R1> r1)
        where R1 : IResult =>
        result.ToHttp(TypedResults.Ok, r1);

    /// <summary>200 with the value, or one of the refusals given.</summary>
    internal static Results<Ok<T>, R1, R2> ToOk<T, R1, R2>(
        this UseCaseResult<T> result, Refusal<R1> r1, Refusal<R2> r2)
        where R1 : IResult where R2 : IResult =>
        result.ToHttp(TypedResults.Ok, r1, r2);

    /// <summary>200 with the value, or one of the refusals given.</summary>
    internal static Results<Ok<T>, R1, R2, R3> ToOk<T, R1, R2, R3>(
        this UseCaseResult<T> result, Refusal<R1> r1, Refusal<R2> r2, Refusal<R3> r3)
        where R1 : IResult where R2 : IResult where R3 : IResult =>
        result.ToHttp(TypedResults.Ok, r1, r2, r3);

    /// <summary>200 with the value, or one of the refusals given.</summary>
    internal static Results<Ok<T>, R1, R2, R3, R4> ToOk<T, R1, R2, R3, R4>(
        this UseCaseResult<T> result, Refusal<R1> r1, Refusal<R2> r2, Refusal<R3> r3, Refusal<R4> r4)
        where R1 : IResult where R2 : IResult where R3 : IResult where R4 : IResult =>
        result.ToHttp(TypedResults.Ok, r1, r2, r3, r4);

    /// <summary>200 with the value, or one of the refusals given.</summary>
    internal static Results<Ok<T>, R1, R2, R3, R4, R5> ToOk<T, R1, R2, R3, R4, R5>(
        this UseCaseResult<T> result, Refusal<R1> r1, Refusal<R2> r2, Refusal<R3> r3, Refusal<R4> r4, Refusal<R5> r5)
        where R1 : IResult where R2 : IResult where R3 : IResult where R4 : IResult where R5 : IResult =>
        result.ToHttp(TypedResults.Ok, r1, r2, r3, r4, r5);

    internal static InvalidOperationException Undeclared(Outcome outcome) =>
        new($"The use case answered {outcome}, which the endpoint does not declare among its results.");
}
