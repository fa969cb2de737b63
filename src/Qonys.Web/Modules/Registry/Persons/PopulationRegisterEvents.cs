using Microsoft.EntityFrameworkCore;
using Qonys.Web.Modules.Integration.Contracts;
using Qonys.Web.Modules.Registry.Domain;

namespace Qonys.Web.Modules.Registry.Persons;

/// <summary>The payload of <c>address_changed</c> (API.md "Integration events"): a person's new registered address.</summary>
internal sealed record AddressChangedPayload(string? Iin, string? RegionCode, string? Locality, string? Address);

/// <summary>The payload of <c>death_registered</c>: the person and the date of death.</summary>
internal sealed record DeathRegisteredPayload(string? Iin, DateOnly? DiedOn);

internal static class RegistryAuditEvents
{
    public static readonly AuditEventType AddressChanged = new("registry.person_address_changed", AuditKind.Change);
    public static readonly AuditEventType DeathRecorded = new("registry.person_death_recorded", AuditKind.Change);
}

/// <summary>
/// The population register's address changes: the person (by IIN) gets the new address. A person the registry does
/// not know yet is dead-lettered until the person is loaded; so is a person registered as deceased.
/// </summary>
internal sealed class AddressChangedHandler(AppDb db, ReferenceData refs, AuditLog audit) : IInboundEventHandler<AddressChangedPayload>
{
    public async Task<ValidationErrors> ValidateAsync(AddressChangedPayload p, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (Contracts.IdentificationNumbers.Problem(p.Iin) is { } iin) errors.Add("iin", iin);
        if (string.IsNullOrWhiteSpace(p.RegionCode)) errors.Add("regionCode", "is required");
        else if (!await refs.RegionExistsAsync(p.RegionCode, ct)) errors.Add("regionCode", "is not a region code of the reference data");
        if (string.IsNullOrWhiteSpace(p.Locality)) errors.Add("locality", "is required");
        else if (p.Locality.Length > 200) errors.Add("locality", "must be at most 200 characters");
        if (string.IsNullOrWhiteSpace(p.Address)) errors.Add("address", "is required");
        else if (p.Address.Length > 500) errors.Add("address", "must be at most 500 characters");
        return errors;
    }

    public async Task<InboundOutcome> ApplyAsync(InboundEvent<AddressChangedPayload> e, CancellationToken ct)
    {
        var p = e.Payload;
        var person = await db.Set<Person>().FirstOrDefaultAsync(x => x.Iin == p.Iin, ct);
        if (person is null) return InboundOutcome.DeadLetter("No person with this IIN is in the registry yet.");
        if (person.DiedOn is { } died) return InboundOutcome.DeadLetter($"The person is registered as deceased on {died:yyyy-MM-dd}.");
        var on = DateOnly.FromDateTime(e.OccurredAt.UtcDateTime);
        // Events may arrive out of order: an older change than the one on file is recorded in the inbox and changes nothing.
        if (person.AddressChangedOn is { } last && last > on) return InboundOutcome.Done;
        person.RegionCode = p.RegionCode;
        person.AddressLocality = p.Locality!.Trim();
        person.Address = p.Address!.Trim();
        person.AddressChangedOn = on;
        audit.Record(e.Actor, RegistryAuditEvents.AddressChanged, "person", person.Id.ToString(), new { eventId = e.EventId, regionCode = p.RegionCode });
        return InboundOutcome.Done;
    }
}

/// <summary>
/// The population register's deaths: the person is marked deceased with the date (a second report keeps the first
/// date). Open permit cases and permits are not changed by the event (docs/api.md "Inbound events"): a permit names its
/// worker by passport and its end is an officer's revocation with the reason on the case.
/// </summary>
internal sealed class DeathRegisteredHandler(AppDb db, AuditLog audit) : IInboundEventHandler<DeathRegisteredPayload>
{
    public Task<ValidationErrors> ValidateAsync(DeathRegisteredPayload p, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (Contracts.IdentificationNumbers.Problem(p.Iin) is { } iin) errors.Add("iin", iin);
        if (p.DiedOn is null) errors.Add("diedOn", "is required (YYYY-MM-DD)");
        return Task.FromResult(errors);
    }

    public async Task<InboundOutcome> ApplyAsync(InboundEvent<DeathRegisteredPayload> e, CancellationToken ct)
    {
        var person = await db.Set<Person>().FirstOrDefaultAsync(x => x.Iin == e.Payload.Iin, ct);
        if (person is null) return InboundOutcome.DeadLetter("No person with this IIN is in the registry yet.");
        if (person.DiedOn is not null) return InboundOutcome.Done;
        person.DiedOn = e.Payload.DiedOn;
        audit.Record(e.Actor, RegistryAuditEvents.DeathRecorded, "person", person.Id.ToString(), new { eventId = e.EventId, diedOn = e.Payload.DiedOn });
        return InboundOutcome.Done;
    }
}
