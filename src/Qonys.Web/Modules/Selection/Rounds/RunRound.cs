using Microsoft.EntityFrameworkCore;
using Qonys.Engines.Scoring;
using Qonys.Web.Modules.Selection.Data;
using Qonys.Web.Modules.Selection.Domain;
using Qonys.Web.Modules.Selection.Scorecards;

namespace Qonys.Web.Modules.Selection.Rounds;

/// <summary>
/// An administrator runs an invitation round: the published skilled-migrant-pool scorecard is evaluated over every
/// candidate not yet invited (the engine's batch path), the top N eligible are invited (ties to the earlier profile
/// timestamp), and the round, its cut-off and the invitations are saved with the audit entry and the notifications in
/// one transaction. A round name already used today is refused (409), as is a second round racing for the same candidates.
/// </summary>
internal sealed class RunRound(AppDb db, CandidatePool pool, RoundOrders orders, ScorecardBook scorecards, ReferenceData refs,
    AuditLog audit, Notifier notifier, TimeProvider clock)
{
    public const string PoolScorecardKey = "skilled-migrant-pool";
    public const string ValidDaysRule = "selection.invitation_valid_days";

    public async Task<UseCaseResult<RoundResponse>> HandleAsync(Actor actor, RoundRequest? request, CancellationToken ct)
    {
        var validated = await orders.ValidateAsync(request?.RoundKey, request?.Invitations, request?.OccupationCodes, request?.RegionCodes, ct);
        if (!validated.Succeeded) return validated.As<RoundResponse>();
        var order = validated.Value!;
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        if (await db.Set<SelectionRound>().AnyAsync(r => r.RoundKey == order.RoundKey && r.RoundDate == today, ct))
            return UseCaseResult<RoundResponse>.Conflict($"A round named \"{order.RoundKey}\" already ran today; it is not run twice.");
        var scorecard = await scorecards.PublishedAsync(PoolScorecardKey, ct);
        if (scorecard is null) return UseCaseResult<RoundResponse>.Refused("published_scorecard", $"{PoolScorecardKey} has no published version.");
        var validDays = (int)(await refs.RequireRuleAsync(ValidDaysRule, today, ct)).Value;

        var profiles = await pool.UninvitedAsync(today, ct);
        var ranked = CompiledScorecard.Compile(scorecard).ScoreAll(profiles);
        var result = InvitationRound.Select(ranked, RoundOrders.Request(order, excluded: null));
        var (round, invitations) = RoundRecord.Build(order, result, scorecard, profiles.Count, now, actor.UserId, validDays, Guid.CreateVersion7);

        await using var tx = await db.BeginUseCaseTransactionAsync(ct);
        db.Add(round);
        db.AddRange(invitations);
        audit.Record(actor, SelectionAuditEvents.RoundRun, "selection_round", round.Id.ToString(), new
        {
            round.RoundKey, round.ScorecardKey, round.ScorecardVersion, round.InvitationsRequested, round.InvitedCount, round.EligibleCount,
            round.PoolSize, round.CutOffScore, round.OccupationCodes, round.RegionCodes, round.TieBreakExplanation,
        });
        await NotifyAsync(invitations, round, ct);
        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            return UseCaseResult<RoundResponse>.Conflict(
                $"Another round ran at the same time (the same name today, or some of the same candidates); nothing was saved. Reload and run again if needed.");
        }
        return UseCaseResult<RoundResponse>.Created(RoundQueries.ToResponse(round));
    }

    async Task NotifyAsync(List<Invitation> invitations, SelectionRound round, CancellationToken ct)
    {
        var ids = invitations.Select(i => i.CandidateId).ToList();
        var recipients = await db.Set<Candidate>().AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, UserId = c.AccountId ?? c.CreatedBy }).ToListAsync(ct);
        var userIds = recipients.Select(r => r.UserId).Distinct().ToList();
        var emails = await db.Set<AppUser>().AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email, ct);
        foreach (var r in recipients.Where(r => emails.ContainsKey(r.UserId)))
        {
            var invitation = invitations.First(i => i.CandidateId == r.Id);
            notifier.Notify(r.UserId, emails[r.UserId], "Invitation to apply: skilled-migrant pool",
                $"The round \"{round.RoundKey}\" of {round.RoundDate:yyyy-MM-dd} invited the candidate with {invitation.Score} points " +
                $"(cut-off {round.CutOffScore}). Apply by {round.ApplyBy:yyyy-MM-dd}.",
                "/selection/profile/" + r.Id);
        }
    }
}
