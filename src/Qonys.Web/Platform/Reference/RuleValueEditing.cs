using Microsoft.EntityFrameworkCore;

namespace Qonys.Web.Platform.Reference;

internal sealed record RuleValueRequest(string? Key, DateOnly? EffectiveFrom, decimal? Value, string? Source, string? Note, bool? Unconfirmed);

internal static class ReferenceAuditEvents
{
    public static readonly AuditEventType RuleValueChanged = new("reference.rule_value_changed", AuditKind.Change);
}

/// <summary>
/// An administrator records a new value of an existing rule from a date on; the previous value ends the day before.
/// Edits of one rule are serialised — in one transaction with the rule's lock (PostgreSQL: a transaction-scoped
/// advisory lock per rule, taken before its history is read; SQLite: its single writer) — so concurrent edits still
/// leave the rule's periods a partition: no overlaps, one open-ended period.
/// </summary>
internal sealed class RuleValueEditing(AppDb db, AuditLog audit, ReferenceCache cache, TimeProvider clock)
{
    /// <summary>Rule values are stored as decimal(18, 4).</summary>
    const decimal MaxValue = 100_000_000_000_000m;

    const int AdvisoryLockClass = 0x52756C65; // "Rule": the first key of pg_advisory_xact_lock(int, int); the rule is the second

    public async Task<UseCaseResult<ReferenceEndpoints.RuleValueResponse>> AddAsync(Actor actor, RuleValueRequest request, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(request.Key)) errors.Add("key", "is required");
        if (request.EffectiveFrom is null) errors.Add("effectiveFrom", "is required (YYYY-MM-DD)");
        else if (request.EffectiveFrom > DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddYears(InputBounds.RuleValueYearsAhead))
            errors.Add("effectiveFrom", $"must be at most {InputBounds.RuleValueYearsAhead} years after today");
        if (request.Value is null) errors.Add("value", "is required");
        else if (request.Value < 0) errors.Add("value", "must not be negative");
        else if (request.Value >= MaxValue) errors.Add("value", "must be less than 100,000,000,000,000 (the column holds 14 digits before the point)");
        if (string.IsNullOrWhiteSpace(request.Source)) errors.Add("source", "is required: name the law, order or decree");
        if (errors.Any) return UseCaseResult<ReferenceEndpoints.RuleValueResponse>.Invalid(errors);

        await using var tx = await db.BeginUseCaseTransactionAsync(ct);
        await LockRuleAsync(request.Key!, ct);
        var history = await db.Set<RuleValue>().Where(r => r.Key == request.Key).OrderBy(r => r.EffectiveFrom).ToListAsync(ct);
        if (history.Count == 0)
            return UseCaseResult<ReferenceEndpoints.RuleValueResponse>.Invalid("key", $"'{request.Key}' is not a known rule");
        var from = request.EffectiveFrom!.Value;
        if (history.Any(r => r.EffectiveFrom >= from))
            return UseCaseResult<ReferenceEndpoints.RuleValueResponse>.Conflict(
                $"'{request.Key}' already has a value from {history[^1].EffectiveFrom:yyyy-MM-dd}; a new value must start later");

        var previous = history[^1];
        if (previous.EffectiveTo is null || previous.EffectiveTo >= from) previous.EffectiveTo = from.AddDays(-1);
        var value = new RuleValue
        {
            Key = request.Key!, EffectiveFrom = from, Value = request.Value!.Value, Unit = previous.Unit,
            Unconfirmed = request.Unconfirmed ?? false, Source = request.Source!.Trim(), Note = request.Note?.Trim() ?? "",
            RecordedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(value);
        audit.Record(actor, ReferenceAuditEvents.RuleValueChanged, "rule_value", value.Key,
            new { value.Key, from, previousValue = previous.Value, value = value.Value, value.Source });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        cache.Invalidate();
        return UseCaseResult<ReferenceEndpoints.RuleValueResponse>.Created(ReferenceEndpoints.ToResponse(value));
    }

    /// <summary>Waits for the rule's lock, held until the transaction ends; the history read after it sees every earlier edit.</summary>
    async Task LockRuleAsync(string key, CancellationToken ct)
    {
        if (db.IsPostgres)
            await db.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_xact_lock({AdvisoryLockClass}, {JobLocks.KeyOf(key)})", ct);
    }
}
