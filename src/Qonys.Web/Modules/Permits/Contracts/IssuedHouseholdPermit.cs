using System.Linq.Expressions;

namespace Qonys.Web.Modules.Permits.Contracts;

/// <summary>What the permits module publishes about a household labour-immigrant permit: no employer's IIN, no worker's name.</summary>
internal sealed class IssuedHouseholdPermit
{
    public string Number { get; init; } = "";
    public string RegionCode { get; init; } = "";
    public string WorkerCitizenship { get; init; } = "";
    public DateOnly ValidFrom { get; init; }
    public DateOnly ValidUntil { get; init; }

    /// <summary>The permit is valid on <paramref name="day"/> (within its validity, whatever its status), as SQL.</summary>
    public static Expression<Func<IssuedHouseholdPermit, bool>> ValidOn(DateOnly day) => p => p.ValidFrom <= day && day <= p.ValidUntil;
}
