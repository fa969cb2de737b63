namespace Qonys.Web.Platform.Demo;

/// <summary>
/// The employers the foreign workforce of the demo set is placed at, by index (published by the permits' demo data for
/// the registry's, which makes an employer of each).
/// </summary>
internal sealed record DemoEmployerPlan(IReadOnlyList<DemoEmployerPlan.Employer> Employers)
{
    /// <param name="Index">The employer's place in the plan (and in <see cref="DemoEmployers"/>).</param>
    /// <param name="IsDemo">The demo employer that employer@demo.qonys.kz acts for (<see cref="DemoAccounts.DemoEmployerBin"/>).</param>
    /// <param name="ForeignOnMarch">Its foreign workers with a permit valid on 2025-03-01.</param>
    /// <param name="ForeignStaffOnAugust">Its foreign workers valid on 2025-08-01 by staff category 1–4 (seasonal and ICT work in none).</param>
    /// <param name="ForeignWorkers">All the foreign workers it ever employs in the set.</param>
    public sealed record Employer(int Index, string OkedSection, string RegionCode, bool IsDemo, int ForeignOnMarch,
        IReadOnlyList<int> ForeignStaffOnAugust, int ForeignWorkers);
}
