using Qonys.Web.Modules.Permits.Domain;
using Qonys.Web.Modules.Registry.Contracts;

namespace Qonys.Web.Modules.Permits.Access;

/// <summary>The operations on a household labour-immigrant permit.</summary>
internal static class HouseholdPermitOperations
{
    public static readonly RecordOperation Read = new("read");
    /// <summary>Issue a permit (the record is the permit as asked for: its household employer's IIN).</summary>
    public static readonly RecordOperation Issue = new("issue");
    /// <summary>Notify that the worker moved to another household employer.</summary>
    public static readonly RecordOperation ChangeEmployer = new("change_employer");
}

/// <summary>
/// Who may see or act on a household permit: administrators and analysts every permit, officers and inspectors their
/// region's, a household employer the permits under its own IIN, a migrant the permits of its own passport (both from
/// the registry's person the account belongs to). Within that reach, household employers and administrators issue;
/// household employers, migrants and administrators notify a change of employer.
/// </summary>
internal sealed class HouseholdPermitAccess(IPersonDirectory persons) : RecordAccess<HouseholdPermit>
{
    static readonly RecordKeys<HouseholdPermit> HouseholdKeys =
        new(region: p => p.RegionCode, citizen: p => p.EmployerIin, passport: p => p.WorkerPassportNumber);

    static readonly Dictionary<RecordOperation, string[]> Granted = new()
    {
        [HouseholdPermitOperations.Read] =
            [Roles.Administrator, Roles.Analyst, Roles.Officer, Roles.Inspector, Roles.HouseholdEmployer, Roles.Migrant],
        [HouseholdPermitOperations.Issue] = [Roles.Administrator, Roles.HouseholdEmployer],
        [HouseholdPermitOperations.ChangeEmployer] = [Roles.Administrator, Roles.HouseholdEmployer, Roles.Migrant],
    };

    // One look-up of the account's person per request (the handler lives as long as the request).
    (Actor Actor, Reach Reach)? _last;

    protected override RecordKeys<HouseholdPermit> Keys => HouseholdKeys;

    protected override IReadOnlyCollection<string> RolesFor(RecordOperation operation) => Granted.GetValueOrDefault(operation) ?? [];

    public override async ValueTask<Reach> ReachAsync(Actor actor, CancellationToken ct)
    {
        if (_last is { } last && last.Actor == actor) return last.Reach;
        var reach = actor.Role switch
        {
            Roles.Administrator or Roles.Analyst => Reach.Everything,
            Roles.Officer or Roles.Inspector => Reach.Region(actor.RegionCode),
            Roles.HouseholdEmployer => Reach.Citizen((await KeysAsync(actor, ct))?.Iin),
            Roles.Migrant => Reach.Passport((await KeysAsync(actor, ct))?.PassportNumber),
            _ => Reach.Nothing,
        };
        _last = (actor, reach);
        return reach;
    }

    async Task<PersonKeys?> KeysAsync(Actor actor, CancellationToken ct) =>
        actor.PersonId is { } id ? await persons.KeysAsync(id, ct) : null;
}
