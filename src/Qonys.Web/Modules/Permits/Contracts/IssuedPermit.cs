using System.Linq.Expressions;
using Qonys.Web.Modules.Permits.Domain;

namespace Qonys.Web.Modules.Permits.Contracts;

/// <summary>What the permits module publishes about an issued work permit: no worker's name or passport.</summary>
internal sealed class IssuedPermit
{
    public string Number { get; init; } = "";
    public Guid WorkerId { get; init; }
    public string EmployerBin { get; init; } = "";
    public string RegionCode { get; init; } = "";
    public string Category { get; init; } = "";
    public string OkedSection { get; init; } = "";
    public string Citizenship { get; init; } = "";
    public DateOnly IssuedOn { get; init; }
    public DateOnly ValidFrom { get; init; }
    public DateOnly ValidUntil { get; init; }
    public DateOnly? EndedOn { get; init; }
    public string Status { get; init; } = "";

    /// <summary>The permit took effect: it is neither awaiting its fee nor cancelled (whatever happened to it later).</summary>
    public static Expression<Func<IssuedPermit, bool>> TookEffect => p => p.Status != PermitStatus.AwaitingFee && p.Status != PermitStatus.Cancelled;

    /// <summary>The permit is valid on <paramref name="day"/> (as <see cref="Permit.IsValidOn"/>), as SQL.</summary>
    public static Expression<Func<IssuedPermit, bool>> ValidOn(DateOnly day) => p =>
        p.Status != PermitStatus.AwaitingFee && p.Status != PermitStatus.Cancelled &&
        p.ValidFrom <= day && day <= p.ValidUntil && (p.EndedOn == null || day < p.EndedOn);
}
