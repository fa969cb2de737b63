using Qonys.Web.Modules.Compliance.Domain;
using Qonys.Web.Modules.Permits.Domain;
using Qonys.Web.Modules.Registry.Domain;

namespace Qonys.Web.Platform.Demo;

/// <summary>What the generator makes, in memory: nothing is written until a loader takes it.</summary>
public sealed class DemoRecords
{
    public List<Employer> Employers { get; } = [];
    /// <summary>Applications with their <see cref="PermitApplication.Workers"/> and <see cref="PermitApplication.History"/> filled in.</summary>
    public List<PermitApplication> Applications { get; } = [];
    public List<Permit> Permits { get; } = [];
    public List<QuotaLedger> Quotas { get; } = [];
    public List<Offence> Offences { get; } = [];
    /// <summary>Household labour immigrants' permits, each of a synthetic household employer (citizen IIN).</summary>
    public List<HouseholdPermit> HouseholdPermits { get; } = [];

    public DemoCounts Counts => new(Employers.Count, Applications.Count, Applications.Sum(a => a.Workers.Count),
        Applications.Sum(a => a.History.Count), Permits.Count, Quotas.Count, Offences.Count, HouseholdPermits.Count);
}

public sealed record DemoCounts(int Employers, int Applications, int Workers, int CaseActions, int Permits, int QuotaRows, int Offences,
    int HouseholdPermits)
{
    public long Rows => (long)Employers + Applications + Workers + CaseActions + Permits + QuotaRows + Offences + HouseholdPermits;

    public static DemoCounts operator +(DemoCounts a, DemoCounts b) => new(a.Employers + b.Employers, a.Applications + b.Applications,
        a.Workers + b.Workers, a.CaseActions + b.CaseActions, a.Permits + b.Permits, a.QuotaRows + b.QuotaRows, a.Offences + b.Offences,
        a.HouseholdPermits + b.HouseholdPermits);

    public static readonly DemoCounts Zero = new(0, 0, 0, 0, 0, 0, 0, 0);
}
