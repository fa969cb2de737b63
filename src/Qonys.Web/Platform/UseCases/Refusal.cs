using Microsoft.AspNetCore.Http.HttpResults;

namespace Qonys.Web.Platform.UseCases;

/// <summary>
/// One refusal an endpoint declares it can answer: which <see cref="Outcome"/> of its use case and the typed result
/// that answers it. The endpoint names its refusals (<see cref="Refusals"/>) where it maps the use case's result, and
/// the compiler checks them against the <c>Results&lt;…&gt;</c> its handler declares.
/// </summary>
public sealed class Refusal<TResult> where TResult : IResult
{
    readonly Func<ValidationErrors?, string?, string?, TResult> _answer;

    internal Refusal(Outcome outcome, Func<ValidationErrors?, string?, string?, TResult> answer)
    {
        Outcome = outcome;
        _answer = answer;
    }

    public Outcome Outcome { get; }

    internal bool Answers<T>(UseCaseResult<T> result) => result.Outcome == Outcome;

    internal TResult Answer<T>(UseCaseResult<T> result) =>
        result.Outcome == Outcome
            ? _answer(result.Errors, result.Detail, result.Rule)
            : throw ResultMapping.Undeclared(result.Outcome);
}

/// <summary>The refusals of <see cref="UseCaseResult{T}"/> as typed results (RFC 9457, API.md).</summary>
public static class Refusals
{
    /// <summary>400 with <c>errors</c> keyed by field.</summary>
    public static readonly Refusal<ValidationProblem> Invalid =
        new(Outcome.Invalid, (errors, _, _) => ResultMapping.Validation(errors!.ToDictionary()));

    /// <summary>404, also for a record outside the caller's scope.</summary>
    public static readonly Refusal<NotFoundProblem> NotFound = new(Outcome.NotFound, (_, _, _) => NotFoundProblem.Of());

    public static readonly Refusal<ForbiddenProblem> Forbidden =
        new(Outcome.Forbidden, (_, detail, _) => ForbiddenProblem.Of(detail));

    public static readonly Refusal<ConflictProblem> Conflict =
        new(Outcome.Conflict, (_, detail, _) => ConflictProblem.Of(detail));

    /// <summary>422 naming the <c>rule</c> that refused.</summary>
    public static readonly Refusal<RuleProblem> Rule =
        new(Outcome.Refused, (_, detail, rule) => RuleProblem.Of(rule!, detail));
}
