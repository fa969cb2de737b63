using System.Collections.Frozen;

namespace Qonys.Web.Platform.Auth;

/// <summary>One grant: a named permission and the roles holding it (<see cref="Permissions.AddPermission"/>).</summary>
internal sealed record PermissionGrant(string Permission, IReadOnlyList<string> Roles);

/// <summary>
/// Who holds which permission: every <see cref="PermissionGrant"/> registered in the host's services, read once when
/// the host first needs it. Each host has its own, so hosts built side by side (tests) never share a table. A
/// permission granted twice is a start-up error: two grants would leave it to registration order which one holds.
/// </summary>
internal sealed class PermissionGrants
{
    readonly FrozenDictionary<string, FrozenSet<string>> _roles;

    public PermissionGrants(IEnumerable<PermissionGrant> grants)
    {
        var table = new Dictionary<string, FrozenSet<string>>(StringComparer.Ordinal);
        foreach (var grant in grants)
            if (!table.TryAdd(grant.Permission, grant.Roles.ToFrozenSet(StringComparer.Ordinal)))
                throw new InvalidOperationException($"the permission {grant.Permission} is granted twice");
        _roles = table.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public IReadOnlyCollection<string> All => _roles.Keys;

    public bool Allows(string role, string permission) =>
        _roles.TryGetValue(permission, out var roles) && roles.Contains(role);
}
