namespace Qonys.Web.Platform.Demo;

/// <summary>
/// The employers of the demo set as the registry's demo data made them, in <see cref="DemoEmployerPlan"/> order: what the
/// other modules' demo records may refer to (published by the registry's demo data).
/// </summary>
internal sealed record DemoEmployers(IReadOnlyList<DemoEmployers.Employer> Employers)
{
    public sealed record Employer(string Bin, string RegionCode, string OkedSection, bool IsDemo);
}
