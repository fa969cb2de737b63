using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Qonys.Web.Modules.Permits.Access;
using Qonys.Web.Modules.Permits.Domain;
using Qonys.Web.Modules.Permits.SubmitApplication;
using Qonys.Web.Modules.Registry.Contracts;

namespace Qonys.Web.Modules.Permits.Household;

/// <summary>
/// Household labour-immigrant permits: a citizen (household employer, scoped to the IIN of the person the account
/// belongs to) or an administrator issues a permit for a domestic worker, 1–12 months, with the income tax of 4 MCI
/// per month prepaid; at most 5 are active per household employer. The worker (or the employer) notifies a change of
/// household employer, and the permit moves to the new IIN when that one is under the limit.
/// </summary>
internal sealed class HouseholdPermits(AppDb db, HouseholdPermitAccess access, IPersonDirectory persons, PermitAssessment assessment, ReferenceData refs,
    AuditLog audit, Notifier notifier, TimeProvider clock)
{
    const int Attempts = 3;

    public async Task<UseCaseResult<HouseholdPermitResponse>> IssueAsync(Actor actor, HouseholdPermitRequest? r, CancellationToken ct)
    {
        var today = Today();
        var e = new ValidationErrors();
        if (r is null) return UseCaseResult<HouseholdPermitResponse>.Invalid("body", "is required");
        if (actor.Role == Roles.Administrator && IdentificationNumbers.Problem(r.EmployerIin) is { } problem) e.Add("employerIin", "IIN " + problem);
        else if (r.EmployerIin is not null && IdentificationNumbers.Problem(r.EmployerIin) is { } given) e.Add("employerIin", "IIN " + given);
        if (string.IsNullOrWhiteSpace(r.RegionCode)) e.Add("regionCode", "is required");
        else if (!await refs.RegionExistsAsync(r.RegionCode, ct)) e.Add("regionCode", $"'{r.RegionCode}' is not a region code (ISO 3166-2:KZ)");
        if (r.Months is null) e.Add("months", "is required");
        await assessment.ValidateWorker(r.Worker is null ? null : r.Worker with { Education = r.Worker.Education ?? "none" }, "worker", today, e, ct);
        if (e.Any) return UseCaseResult<HouseholdPermitResponse>.Invalid(e);

        // An administrator issues under any IIN; a household employer under its own (the citizen its account belongs to).
        var reach = await access.ReachAsync(actor, ct);
        var iin = actor.Role == Roles.Administrator ? r.EmployerIin! : r.EmployerIin ?? (reach.Kind == ReachKind.Citizen ? reach.Key : null);
        if (iin is null || !await access.AllowsAsync(actor, HouseholdPermitOperations.Issue, new HouseholdPermit { EmployerIin = iin }, ct))
            return UseCaseResult<HouseholdPermitResponse>.Forbidden(reach.Kind == ReachKind.Citizen
                ? "A household employer applies under its own IIN only."
                : "This account is not linked to a citizen with an IIN.");

        var term = HouseholdRules.TermProblem(r.Months!.Value, await ParameterAsync("household.term_months.min", today, ct),
            await ParameterAsync("household.term_months.max", today, ct));
        if (term is not null) return UseCaseResult<HouseholdPermitResponse>.Refused(term.Rule, term.Detail);
        var max = (int)(await refs.RequireRuleAsync("household.max_workers", today, ct)).Value;
        var perMonth = (await refs.RequireRuleAsync("household.prepaid_tax_mci_per_month", today, ct)).Value;
        var mci = (await refs.RequireRuleAsync("mci", today, ct)).Value;
        var (taxMci, taxKzt) = HouseholdRules.PrepaidTax(r.Months.Value, perMonth, mci);
        var w = r.Worker!;

        for (var attempt = 1; ; attempt++)
        {
            var slot = await FreeSlotAsync(iin, max, today, ct);
            if (slot is null) return Refused(HouseholdRules.LimitReached(iin, max));
            var now = clock.GetUtcNow().UtcDateTime;
            var permit = new HouseholdPermit
            {
                Number = PermitNumbers.NewHousehold(today.Year), EmployerIin = iin, EmployerSlot = slot, RegionCode = r.RegionCode!, WorkerFullName = w.FullName!.Trim(),
                WorkerPassportNumber = w.PassportNumber!.ToUpperInvariant(), WorkerCitizenship = w.Citizenship!, WorkerBirthDate = w.BirthDate!.Value,
                Months = r.Months.Value, IssuedOn = today, ValidFrom = today, ValidUntil = today.AddMonths(r.Months.Value).AddDays(-1),
                PrepaidTaxMci = taxMci, PrepaidTaxKzt = taxKzt, MciYear = today.Year, Status = HouseholdPermitStatus.Active, CreatedAt = now,
                CreatedBy = actor.UserId,
            };
            db.Add(permit);
            audit.Record(actor, PermitLifecycleAuditEvents.HouseholdPermitIssued, "household_permit", permit.Number,
                new { employerIin = HouseholdRules.Mask(iin), permit.Months, permit.PrepaidTaxMci, permit.PrepaidTaxKzt, slot });
            await NotifyHouseholdEmployerAsync(iin, "Household labour-immigrant permit issued",
                $"Permit {permit.Number} for {permit.WorkerFullName} is valid {permit.ValidFrom:yyyy-MM-dd} to {permit.ValidUntil:yyyy-MM-dd}; " +
                $"prepaid income tax {taxMci} MCI ({taxKzt:N0} KZT).", permit.Number, ct);
            if (await db.TrySaveChangesAsync(ct)) return UseCaseResult<HouseholdPermitResponse>.Created(HouseholdPermitResponse.From(permit));
            // Another request took the same slot at the same moment: look again.
            if (attempt == Attempts) return UseCaseResult<HouseholdPermitResponse>.Conflict("Concurrent requests for the same household employer; try again.");
        }
    }

    public async Task<UseCaseResult<PagedList<HouseholdPermitResponse>>> ListAsync(Actor actor, string? employerIin, string? regionCode, int? page,
        int? pageSize, CancellationToken ct)
    {
        var (p, size) = Paging.Normalise(page, pageSize);
        var q = db.Set<HouseholdPermit>().AsNoTracking().Where(await access.ScopeAsync(actor, HouseholdPermitOperations.List, ct));
        if (employerIin is not null) q = q.Where(x => x.EmployerIin == employerIin);
        if (regionCode is not null) q = q.Where(x => x.RegionCode == regionCode);
        var total = await q.CountAsync(ct);
        var items = await q.OrderByDescending(x => x.IssuedOn).ThenBy(x => x.Number).Skip((p - 1) * size).Take(size).ToListAsync(ct);
        // One entry per list read, naming every permit shown (docs/security.md, "Reads of personal data").
        await audit.RecordNowAsync(actor, PermitLifecycleAuditEvents.HouseholdPermitsListed, "household_permit", null,
            new PersonalDataList(items.Select(x => x.Number).ToList(), total,
                new { employerIin = employerIin is null ? null : HouseholdRules.Mask(employerIin), regionCode, page = p, pageSize = size }), ct);
        return UseCaseResult<PagedList<HouseholdPermitResponse>>.Ok(new(items.Select(HouseholdPermitResponse.From).ToList(), total, p, size));
    }

    public async Task<UseCaseResult<HouseholdPermitResponse>> GetAsync(Actor actor, string number, CancellationToken ct)
    {
        var permit = await LoadAsync(actor, number, ct);
        if (permit is null) return UseCaseResult<HouseholdPermitResponse>.NotFound();
        await audit.RecordNowAsync(actor, PermitLifecycleAuditEvents.HouseholdPermitRead, "household_permit", number, ct: ct);
        return UseCaseResult<HouseholdPermitResponse>.Ok(HouseholdPermitResponse.From(permit));
    }

    public async Task<UseCaseResult<HouseholdPermitResponse>> ChangeEmployerAsync(Actor actor, string number, EmployerChangeRequest? body,
        CancellationToken ct)
    {
        var e = new ValidationErrors();
        if (IdentificationNumbers.Problem(body?.NewEmployerIin) is { } problem) e.Add("newEmployerIin", "IIN " + problem);
        if (body?.Reason is { Length: > 2000 }) e.Add("reason", "must be at most 2000 characters");
        if (e.Any) return UseCaseResult<HouseholdPermitResponse>.Invalid(e);
        var newIin = body!.NewEmployerIin!;
        var permit = await LoadAsync(actor, number, ct);
        if (permit is null) return UseCaseResult<HouseholdPermitResponse>.NotFound();
        if (!await access.AllowsAsync(actor, HouseholdPermitOperations.ChangeEmployer, permit, ct))
            return UseCaseResult<HouseholdPermitResponse>.Forbidden("The worker, the household employer or an administrator notifies a change of employer.");
        if (permit.Status != HouseholdPermitStatus.Active)
            return UseCaseResult<HouseholdPermitResponse>.Conflict($"A permit that is {permit.Status} cannot move to another household employer.");
        if (newIin == permit.EmployerIin) return UseCaseResult<HouseholdPermitResponse>.Invalid("newEmployerIin", "is the permit's current household employer");

        var today = Today();
        var max = (int)(await refs.RequireRuleAsync("household.max_workers", today, ct)).Value;
        for (var attempt = 1; ; attempt++)
        {
            var slot = await FreeSlotAsync(newIin, max, today, ct);
            if (slot is null) return Refused(HouseholdRules.LimitReached(newIin, max));
            await using var tx = await db.BeginUseCaseTransactionAsync(ct);
            int moved;
            try
            {
                moved = await db.Set<HouseholdPermit>()
                    .Where(p => p.Number == number && p.EmployerIin == permit.EmployerIin && p.Status == HouseholdPermitStatus.Active)
                    .ExecuteUpdateAsync(s => s.SetProperty(p => p.EmployerIin, newIin).SetProperty(p => p.EmployerSlot, slot), ct);
            }
            catch (Exception x) when (x is DbException or DbUpdateException)
            {
                // The slot was taken at the same moment: look again.
                if (attempt < Attempts) continue;
                return UseCaseResult<HouseholdPermitResponse>.Conflict("Concurrent changes for the same household employer; try again.");
            }
            if (moved != 1) return UseCaseResult<HouseholdPermitResponse>.Conflict("The permit was changed by someone else; reload it.");
            db.Add(new HouseholdEmployerChange
            {
                PermitNumber = number, FromIin = permit.EmployerIin, ToIin = newIin, At = clock.GetUtcNow().UtcDateTime, ActorId = actor.UserId,
                ActorRole = actor.Role, Reason = body.Reason?.Trim(),
            });
            audit.Record(actor, PermitLifecycleAuditEvents.HouseholdEmployerChanged, "household_permit", number,
                new { from = HouseholdRules.Mask(permit.EmployerIin), to = HouseholdRules.Mask(newIin), slot, reason = body.Reason });
            var message = $"Permit {number} of {permit.WorkerFullName} moved from household employer {HouseholdRules.Mask(permit.EmployerIin)} to {HouseholdRules.Mask(newIin)}.";
            await NotifyHouseholdEmployerAsync(permit.EmployerIin, "Household employer changed", message, number, ct);
            await NotifyHouseholdEmployerAsync(newIin, "Household employer changed", message, number, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            var saved = await db.Set<HouseholdPermit>().AsNoTracking().FirstAsync(p => p.Number == number, ct);
            return UseCaseResult<HouseholdPermitResponse>.Ok(HouseholdPermitResponse.From(saved));
        }
    }

    /// <summary>The lowest free slot of <paramref name="iin"/>; permits past their last day (not yet swept) give theirs back first.</summary>
    async Task<int?> FreeSlotAsync(string iin, int max, DateOnly today, CancellationToken ct)
    {
        await db.Set<HouseholdPermit>().Where(p => p.EmployerIin == iin && p.Status == HouseholdPermitStatus.Active && p.ValidUntil < today)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, HouseholdPermitStatus.Expired).SetProperty(p => p.EmployerSlot, (int?)null), ct);
        var taken = await db.Set<HouseholdPermit>().AsNoTracking().Where(p => p.EmployerIin == iin && p.EmployerSlot != null)
            .Select(p => p.EmployerSlot!.Value).ToListAsync(ct);
        return HouseholdRules.FreeSlot(taken, max);
    }

    async Task<HouseholdPermit?> LoadAsync(Actor actor, string number, CancellationToken ct)
    {
        var permit = await db.Set<HouseholdPermit>().AsNoTracking().FirstOrDefaultAsync(p => p.Number == number, ct);
        if (permit is null) return null;
        if (await access.AllowsAsync(actor, HouseholdPermitOperations.Read, permit, ct)) return permit;
        await audit.RecordNowAsync(actor, PlatformAuditEvents.RecordOutOfScope, "household_permit", number, ct: ct);
        return null;
    }

    async Task NotifyHouseholdEmployerAsync(string iin, string subject, string body, string number, CancellationToken ct)
    {
        var accounts = await persons.AccountsOfCitizenAsync(iin, ct);
        foreach (var a in accounts) notifier.Notify(a.UserId, a.Email, subject, body, "/household-permits/" + number);
    }

    async Task<RuleParameter> ParameterAsync(string key, DateOnly on, CancellationToken ct)
    {
        var v = await refs.RequireRuleAsync(key, on, ct);
        return new RuleParameter(v.Value, v.EffectiveFrom);
    }

    static UseCaseResult<HouseholdPermitResponse> Refused(RuleRefusal r) => UseCaseResult<HouseholdPermitResponse>.Refused(r.Rule, r.Detail);

    DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
