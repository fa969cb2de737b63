using Qonys.Engines.Demography;
using Xunit.Abstractions;

namespace Qonys.Tests.Demography;

public class ExplorationTests(ITestOutputHelper output)
{
    [Fact]
    public void Print()
    {
        var m = DemographyData.Model;
        output.WriteLine($"mid2025 {m.NationalMidYear2025(FertilityVariant.Medium).Sum():F1} base {m.NationalBase(FertilityVariant.Medium).Sum():F1}");
        var r = CohortComponentProjection.Run(m, ScenarioDefinition.Baseline);
        foreach (var y in r["KZ"].Years)
            output.WriteLine($"{y.Year} {y.Total:F1} B {y.FlowsDuringYear?.Births:F1} D {y.FlowsDuringYear?.Deaths:F1} M {y.FlowsDuringYear?.InternationalMigration:F1} wa {y.WorkingAgeShare:F3}");
        foreach (var reg in m.Regions) output.WriteLine($"{reg.Code} h {m.RegionalHazardRatio(reg.Code, Sex.Male):F3} {m.RegionalHazardRatio(reg.Code, Sex.Female):F3} f {m.RegionalFertilityFactor(reg.Code, FertilityVariant.Medium):F3} {r[reg.Code].At(2026).Total:F1} {r[reg.Code].At(2050).Total:F1}");
    }
}
