using Qonys.Web.Modules.Permits.Domain;
using Qonys.Web.Modules.Registry.Contracts;

namespace Qonys.Web.Modules.Permits.Access;

/// <summary>The operations on a household labour-immigrant permit.</summary>
internal static class HouseholdPermitOperations
{
    /// <summary>Read one permit, asked for by its number.</summary>
    public static readonly RecordOperation Read = new("read");
    /// <summary>Browse permits in a list.</summary>
    public static readonly RecordOperation List = new("list");
    /// <summary>Issue a permit (the record is the permit as asked for: its household employer's IIN).</summary>
    public static readonly RecordOperation Issue = new("issue");
    /// <summary>Notify that the worker moved to another household employer.</summary>
    public static readonly RecordOperation ChangeEmployer = new("change_employer");
}

/// <summary>
/// Who may see or act on a household permit (docs/security.md, "Roles and least privilege"): a household employer the
/// permits under its own IIN, a migrant those of its own passport (both from the registry's person the account belongs
/// to), administrators every permit; they list, read, and notify a change of employer; household employers and
/// administrators issue. An inspector reads one permit of its region by its number — the one shown at an inspection —
/// but lists none. Officers (no household permit is decided by an officer) and analysts (who get the aggregates of
/// <c>GET /api/v1/analytics/household-workers</c>) reach none.
/// </summary>
internal sealed class HouseholdPermitAccess(IPersonDirectory persons) : RecordAccess<HouseholdPermit>
{
    static readonly RecordKeys<HouseholdPermit> HouseholdKeys =
        new(region: p => p.RegionCode, citizen: p => p.EmployerIin, passport: p => p.WorkerPassportNumber);

    static readonly Dictionary<RecordOperation, string[]> Granted = new()
    {
        [HouseholdPermitOperations.Read] = [Roles.Administrator, Roles.HouseholdEmployer, Roles.Migrant, Roles.Inspector],
        [HouseholdPermitOperations.List] = [Roles.Administrator, Roles.HouseholdEmployer, Roles.Migrant],
        [HouseholdPermitOperations.Issue] = [Roles.Administrator, Roles.HouseholdEmployer],
        [HouseholdPermitOperations.ChangeEmployer] = [Roles.Administrator, Roles.HouseholdEmployer, Roles.Migrant],
    };

    // One look-up of the account's person per request (the handler lives as long as the request).
    (Actor Actor, Reach Reach)? _last;

    /// <summary>The roles that may take <paramref name="operation"/> on some permit: what the routes' permissions are granted from.</summary>
    public static string[] RolesOf(RecordOperation operation) => Granted[operation];

    protected override RecordKeys<HouseholdPermit> Keys => HouseholdKeys;

    protected override IReadOnlyCollection<string> RolesFor(RecordOperation operation) => Granted.GetValueOrDefault(operation) ?? [];

    public override async ValueTask<Reach> ReachAsync(Actor actor, CancellationToken ct)
    {
        if (_last is { } last && last.Actor == actor) return last.Reach;
        var reach = actor.Role switch
        {
            Roles.Administrator => Reach.Everything,
            Roles.Inspector => Reach.Region(actor.RegionCode),
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
