namespace Qonys.Web.Modules.Registry.Contracts;

/// <summary>The registry's natural persons as other modules may read them: the keys of a person, the accounts of a citizen.</summary>
internal interface IPersonDirectory
{
    /// <summary>The IIN and passport number of the person <paramref name="personId"/>, or null when there is none.</summary>
    Task<PersonKeys?> KeysAsync(Guid personId, CancellationToken ct);

    /// <summary>The user accounts that belong to the citizen with <paramref name="iin"/> (to notify them), as recipients of notifications, in one read.</summary>
    Task<IReadOnlyList<Recipient>> AccountsOfCitizenAsync(string iin, CancellationToken ct);
}
