using Microsoft.EntityFrameworkCore;
using Qonys.Web.Modules.Integration.Contracts;
using Qonys.Web.Modules.Permits.Domain;
using Qonys.Web.Modules.Registry.Contracts;

namespace Qonys.Web.Modules.Permits.Presence;

/// <summary>The payload of <c>border_crossing</c>: a passport crossed the border at a checkpoint, entering or leaving.</summary>
internal sealed record BorderCrossingPayload(string? PassportNumber, string? Citizenship, string? Direction, DateTimeOffset? CrossedAt, string? Checkpoint);

/// <summary>The payload of <c>host_notification</c> (e-Qonaq): a host (IIN or BIN) notified that a foreigner stays at an address.</summary>
internal sealed record HostNotificationPayload(string? PassportNumber, string? Citizenship, string? HostIin, string? HostBin, string? RegionCode,
    string? Address, DateOnly? ArrivedOn, DateOnly? StaysUntil);

internal static class PresenceAuditEvents
{
    public static readonly AuditEventType PresenceChanged = new("permits.worker_presence_changed", AuditKind.Change);
}

/// <summary>What both presence events share: the passport's checks, the worker in the permit register, the row of the stay.</summary>
internal abstract class PresenceHandler(AppDb db, ReferenceData refs, AuditLog audit)
{
    protected AppDb Db => db;
    protected ReferenceData Refs => refs;

    protected async Task CheckPassportAsync(ValidationErrors errors, string? number, string? citizenship, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(number)) errors.Add("passportNumber", "is required");
        else if (number.Length > 20) errors.Add("passportNumber", "must be at most 20 characters");
        if (citizenship is not { Length: 2 } || await refs.CountryAsync(citizenship, ct) is null)
            errors.Add("citizenship", "is not an ISO 3166-1 alpha-2 code of the reference data");
    }

    /// <summary>The worker's stay row (new when none), or null when no permit application names this passport.</summary>
    protected async Task<ForeignWorkerStay?> StayAsync(string number, string citizenship, CancellationToken ct)
    {
        var stay = await db.Set<ForeignWorkerStay>().FirstOrDefaultAsync(s => s.PassportNumber == number && s.Citizenship == citizenship, ct);
        if (stay is not null) return stay;
        if (!await db.Set<ApplicationWorker>().AnyAsync(w => w.PassportNumber == number && w.Citizenship == citizenship, ct)) return null;
        stay = new ForeignWorkerStay { PassportNumber = number, Citizenship = citizenship, LastEventAt = DateTime.MinValue };
        db.Add(stay);
        return stay;
    }

    protected const string UnknownWorker = "No foreign worker with this passport is in the permit register yet.";

    protected void Audit(Actor actor, Guid eventId, string type, ForeignWorkerStay stay) =>
        audit.Record(actor, PresenceAuditEvents.PresenceChanged, "foreign_worker", stay.Citizenship + ":" + stay.PassportNumber,
            new { eventId, type, stay.InCountry, stay.StayRegionCode });
}

/// <summary>A border crossing: an entry puts the worker in the country, an exit out of it.</summary>
internal sealed class BorderCrossingHandler(AppDb db, ReferenceData refs, AuditLog audit)
    : PresenceHandler(db, refs, audit), IInboundEventHandler<BorderCrossingPayload>
{
    public async Task<ValidationErrors> ValidateAsync(BorderCrossingPayload p, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        await CheckPassportAsync(errors, p.PassportNumber, p.Citizenship, ct);
        if (p.Direction is not (CrossingDirection.Entry or CrossingDirection.Exit)) errors.Add("direction", "must be \"entry\" or \"exit\"");
        if (p.CrossedAt is null) errors.Add("crossedAt", "is required (ISO 8601)");
        if (string.IsNullOrWhiteSpace(p.Checkpoint)) errors.Add("checkpoint", "is required: the border checkpoint");
        else if (p.Checkpoint.Length > 100) errors.Add("checkpoint", "must be at most 100 characters");
        return errors;
    }

    public async Task<InboundOutcome> ApplyAsync(InboundEvent<BorderCrossingPayload> e, CancellationToken ct)
    {
        var p = e.Payload;
        var stay = await StayAsync(p.PassportNumber!.Trim(), p.Citizenship!, ct);
        if (stay is null) return InboundOutcome.DeadLetter(UnknownWorker);
        var at = p.CrossedAt!.Value.UtcDateTime;
        if (at < stay.LastEventAt) return InboundOutcome.Done;
        stay.InCountry = p.Direction == CrossingDirection.Entry;
        stay.LastCrossingAt = at;
        stay.LastCrossingDirection = p.Direction;
        stay.LastCheckpoint = p.Checkpoint!.Trim();
        stay.LastEventAt = at;
        Audit(e.Actor, e.EventId, e.Type, stay);
        return InboundOutcome.Done;
    }
}

/// <summary>A host's notification: the worker is in the country, staying at the address until the date given.</summary>
internal sealed class HostNotificationHandler(AppDb db, ReferenceData refs, AuditLog audit)
    : PresenceHandler(db, refs, audit), IInboundEventHandler<HostNotificationPayload>
{
    public async Task<ValidationErrors> ValidateAsync(HostNotificationPayload p, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        await CheckPassportAsync(errors, p.PassportNumber, p.Citizenship, ct);
        if (p.HostIin is null == (p.HostBin is null)) errors.Add("hostIin", "give exactly one of hostIin (a person) and hostBin (an organisation)");
        else if (IdentificationNumbers.Problem(p.HostIin ?? p.HostBin) is { } host) errors.Add(p.HostIin is null ? "hostBin" : "hostIin", host);
        if (string.IsNullOrWhiteSpace(p.RegionCode)) errors.Add("regionCode", "is required");
        else if (!await Refs.RegionExistsAsync(p.RegionCode, ct)) errors.Add("regionCode", "is not a region code of the reference data");
        if (string.IsNullOrWhiteSpace(p.Address)) errors.Add("address", "is required");
        else if (p.Address.Length > 500) errors.Add("address", "must be at most 500 characters");
        if (p.ArrivedOn is null) errors.Add("arrivedOn", "is required (YYYY-MM-DD)");
        if (p.StaysUntil is { } until && p.ArrivedOn is { } from && until < from) errors.Add("staysUntil", "must not be before arrivedOn");
        return errors;
    }

    public async Task<InboundOutcome> ApplyAsync(InboundEvent<HostNotificationPayload> e, CancellationToken ct)
    {
        var p = e.Payload;
        var stay = await StayAsync(p.PassportNumber!.Trim(), p.Citizenship!, ct);
        if (stay is null) return InboundOutcome.DeadLetter(UnknownWorker);
        var at = e.OccurredAt.UtcDateTime;
        if (at < stay.LastEventAt) return InboundOutcome.Done;
        stay.InCountry = true;
        stay.StayRegionCode = p.RegionCode;
        stay.StayAddress = p.Address!.Trim();
        stay.StayHost = p.HostIin ?? p.HostBin;
        stay.StayFrom = p.ArrivedOn;
        stay.StayUntil = p.StaysUntil;
        stay.LastEventAt = at;
        Audit(e.Actor, e.EventId, e.Type, stay);
        return InboundOutcome.Done;
    }
}
