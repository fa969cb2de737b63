using Microsoft.AspNetCore.Http.HttpResults;

namespace Qonys.Web.Platform.UseCases;

/// <summary>The refusals of <see cref="UseCaseResult{T}"/> as typed results (RFC 9457, API.md).</summary>
internal static class Refusals
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
