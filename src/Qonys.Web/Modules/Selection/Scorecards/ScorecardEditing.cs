using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qonys.Engines.Scoring;
using Qonys.Web.Modules.Selection.Domain;

namespace Qonys.Web.Modules.Selection.Scorecards;

internal static class SelectionAuditEvents
{
    public static readonly AuditEventType ScorecardSeeded = new("selection.scorecard_seeded", AuditKind.Change);
    public static readonly AuditEventType DraftCreated = new("selection.scorecard_draft_created", AuditKind.Change);
    public static readonly AuditEventType DraftEdited = new("selection.scorecard_draft_edited", AuditKind.Change);
    public static readonly AuditEventType ScorecardPublished = new("selection.scorecard_published", AuditKind.Change);
    public static readonly AuditEventType CandidateRegistered = new("selection.candidate_registered", AuditKind.Change);
    public static readonly AuditEventType CandidateRead = new("selection.candidate_read", AuditKind.PersonalDataRead);
    public static readonly AuditEventType CandidatesListed = new("selection.candidates_listed", AuditKind.PersonalDataRead);
    public static readonly AuditEventType RoundRun = new("selection.round_run", AuditKind.Change);
    public static readonly AuditEventType DemoPoolLoaded = new("selection.demo_pool_loaded", AuditKind.Change);
    public static readonly AuditEventType AtaZholyApplied = new("selection.ata_zholy_applied", AuditKind.Change);
    public static readonly AuditEventType AtaZholyApplicationRead = new("selection.ata_zholy_application_read", AuditKind.PersonalDataRead);
}

/// <summary>
/// Administrators keep scorecards as versions: a draft (a copy of the published version or a whole new definition) is
/// edited and validated with the engine's <see cref="ScorecardValidator"/>, then published in a separate, audited step
/// that retires the version published before. Validation errors are keyed by the validator's paths (<c>criteria[2].bands[1]</c>).
/// </summary>
internal sealed class ScorecardEditing(AppDb db, AuditLog audit, TimeProvider clock)
{
    public async Task<UseCaseResult<ScorecardVersionResponse>> CreateDraftAsync(Actor actor, string key, DraftRequest? request, CancellationToken ct)
    {
        var versions = await db.Set<StoredScorecard>().AsNoTracking().Where(s => s.Key == key).ToListAsync(ct);
        Scorecard source;
        if (request?.Scorecard is { ValueKind: not JsonValueKind.Null } json)
        {
            if (request.CopyOfPublished == true)
                return UseCaseResult<ScorecardVersionResponse>.Invalid("copyOfPublished", "give either copyOfPublished or a scorecard, not both");
            var parsed = Parse(json, key);
            if (!parsed.Succeeded) return parsed.As<ScorecardVersionResponse>();
            source = parsed.Value!;
        }
        else if (request?.CopyOfPublished == true)
        {
            var published = versions.FirstOrDefault(v => v.Status == ScorecardStatus.Published);
            if (published is null) return UseCaseResult<ScorecardVersionResponse>.NotFound();
            source = ScorecardJson.Deserialize(published.Definition);
        }
        else return UseCaseResult<ScorecardVersionResponse>.Invalid("scorecard", "give the scorecard, or copyOfPublished: true to start from the published version");

        var now = clock.GetUtcNow().UtcDateTime;
        var version = versions.Count == 0 ? 1 : versions.Max(v => v.Version) + 1;
        var draft = source with { Key = key, Version = version };
        if (Problems(draft) is { } invalid) return invalid;
        var row = new StoredScorecard
        {
            Id = Guid.CreateVersion7(), Key = key, Version = version, Status = ScorecardStatus.Draft, EffectiveFrom = draft.EffectiveFrom,
            Title = draft.Title, Definition = ScorecardJson.Serialize(draft), CreatedBy = actor.UserId, CreatedAt = now,
        };
        db.Add(row);
        audit.Record(actor, SelectionAuditEvents.DraftCreated, "scorecard", $"{key}/{version}",
            new { key, version, copyOfPublished = request?.CopyOfPublished == true });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return UseCaseResult<ScorecardVersionResponse>.Conflict($"Another draft of {key} was created at the same time; try again.");
        }
        return UseCaseResult<ScorecardVersionResponse>.Created(ScorecardVersionResponse.Of(row));
    }

    public async Task<UseCaseResult<ScorecardVersionResponse>> EditDraftAsync(Actor actor, string key, int version, JsonElement? body, CancellationToken ct)
    {
        var row = await db.Set<StoredScorecard>().FirstOrDefaultAsync(s => s.Key == key && s.Version == version, ct);
        if (row is null) return UseCaseResult<ScorecardVersionResponse>.NotFound();
        if (row.Status != ScorecardStatus.Draft)
            return UseCaseResult<ScorecardVersionResponse>.Conflict($"Version {version} of {key} is {row.Status}; only drafts can be edited.");
        if (body is not { ValueKind: JsonValueKind.Object } json) return UseCaseResult<ScorecardVersionResponse>.Invalid("scorecard", "send the whole scorecard as a JSON object");
        var parsed = Parse(json, key);
        if (!parsed.Succeeded) return parsed.As<ScorecardVersionResponse>();
        return await SaveDraftAsync(actor, row, parsed.Value!, ct);
    }

    /// <summary>Saves a changed definition into a draft row (shared by the API and the editor page).</summary>
    public async Task<UseCaseResult<ScorecardVersionResponse>> SaveDraftAsync(Actor actor, StoredScorecard row, Scorecard changed, CancellationToken ct)
    {
        var draft = changed with { Key = row.Key, Version = row.Version };
        if (Problems(draft) is { } invalid) return invalid;
        row.Definition = ScorecardJson.Serialize(draft);
        row.Title = draft.Title;
        row.EffectiveFrom = draft.EffectiveFrom;
        row.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        audit.Record(actor, SelectionAuditEvents.DraftEdited, "scorecard", $"{row.Key}/{row.Version}", new { row.Key, row.Version });
        await db.SaveChangesAsync(ct);
        return UseCaseResult<ScorecardVersionResponse>.Ok(ScorecardVersionResponse.Of(row));
    }

    /// <summary>The draft row for the editor page (tracked), or null.</summary>
    public Task<StoredScorecard?> DraftRowAsync(string key, int version, CancellationToken ct) =>
        db.Set<StoredScorecard>().FirstOrDefaultAsync(s => s.Key == key && s.Version == version && s.Status == ScorecardStatus.Draft, ct);

    public async Task<UseCaseResult<ScorecardVersionResponse>> PublishAsync(Actor actor, string key, int version, CancellationToken ct)
    {
        await using var tx = await db.BeginUseCaseTransactionAsync(ct);
        var row = await db.Set<StoredScorecard>().FirstOrDefaultAsync(s => s.Key == key && s.Version == version, ct);
        if (row is null) return UseCaseResult<ScorecardVersionResponse>.NotFound();
        if (row.Status != ScorecardStatus.Draft)
            return UseCaseResult<ScorecardVersionResponse>.Conflict($"Version {version} of {key} is {row.Status}; only a draft can be published.");
        var problems = ScorecardValidator.Validate(ScorecardJson.Deserialize(row.Definition));
        if (problems.Count > 0) return Invalid(problems);
        var now = clock.GetUtcNow().UtcDateTime;
        var previous = await db.Set<StoredScorecard>().Where(s => s.Key == key && s.Status == ScorecardStatus.Published).ToListAsync(ct);
        foreach (var p in previous)
        {
            p.Status = ScorecardStatus.Retired;
            p.RetiredAt = now;
        }
        // Retire first, so the "one published version per key" index never sees two.
        await db.SaveChangesAsync(ct);
        row.Status = ScorecardStatus.Published;
        row.PublishedAt = now;
        row.PublishedBy = actor.UserId;
        audit.Record(actor, SelectionAuditEvents.ScorecardPublished, "scorecard", $"{key}/{version}",
            new { key, version, retired = previous.Select(p => p.Version).ToList() });
        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            return UseCaseResult<ScorecardVersionResponse>.Conflict($"Another version of {key} was published at the same time.");
        }
        return UseCaseResult<ScorecardVersionResponse>.Ok(ScorecardVersionResponse.Of(row));
    }

    /// <summary>Publishes the shipped scorecards as version 1 of each key that has no stored version yet (reference data, every mode).</summary>
    public async Task SeedShippedAsync(CancellationToken ct)
    {
        var existing = await db.Set<StoredScorecard>().Select(s => s.Key).Distinct().ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var added = new List<string>();
        foreach (var card in ShippedScorecards.All().Where(c => !existing.Contains(c.Key)))
        {
            db.Add(new StoredScorecard
            {
                Id = Guid.CreateVersion7(), Key = card.Key, Version = card.Version, Status = ScorecardStatus.Published, EffectiveFrom = card.EffectiveFrom,
                Title = card.Title, Definition = ScorecardJson.Serialize(card), CreatedAt = now, PublishedAt = now,
            });
            added.Add($"{card.Key}/{card.Version}");
        }
        if (added.Count == 0) return;
        // One audit entry per unit of work (the chain seals one entry at a time).
        audit.Record(Actor.System, SelectionAuditEvents.ScorecardSeeded, "scorecard", null, new { published = added });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another node seeded them at the same moment: the unique (key, version) index kept one copy.
            db.ChangeTracker.Clear();
        }
    }

    static UseCaseResult<Scorecard> Parse(JsonElement json, string key)
    {
        Scorecard card;
        try
        {
            card = ScorecardJson.Deserialize(json.GetRawText());
        }
        catch (JsonException e)
        {
            return UseCaseResult<Scorecard>.Invalid(string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "scorecard" : e.Path.TrimStart('$', '.'),
                "is not a scorecard in the JSON format of docs/scoring.md: " + e.Message);
        }
        if (!string.IsNullOrEmpty(card.Key) && card.Key != key)
            return UseCaseResult<Scorecard>.Invalid("key", $"the scorecard's key is \"{card.Key}\" but the address names \"{key}\"");
        return UseCaseResult<Scorecard>.Ok(card);
    }

    static UseCaseResult<ScorecardVersionResponse>? Problems(Scorecard card)
    {
        var problems = ScorecardValidator.Validate(card);
        return problems.Count == 0 ? null : Invalid(problems);
    }

    static UseCaseResult<ScorecardVersionResponse> Invalid(IReadOnlyList<ValidationProblem> problems)
    {
        var errors = new ValidationErrors();
        foreach (var p in problems) errors.Add(p.Path, p.Message);
        return UseCaseResult<ScorecardVersionResponse>.Invalid(errors);
    }
}
