using Qonys.Tests.Platform.Demo;
using Qonys.Web.Modules.Permits.Demo;
using Qonys.Web.Modules.Registry.Domain;
using Qonys.Web.Platform.Demo;

namespace Qonys.Tests.Registry.Demo;

/// <summary>The registry's demo employers: valid BINs, the demo employer, and the citizens' share of staff as published.</summary>
public sealed class EmployersDemoDataTests
{
    static InMemoryDemoSet Set => InMemoryDemoSet.Default;

    [Fact]
    public void Citizens_are_96_5_percent_of_staff_at_the_employers_using_foreign_labour_in_March()
    {
        var valid = Set.Permits.Where(p => p.IsValidOn(PermitsDemoFigures.March)).ToList();
        var bins = valid.Select(p => p.EmployerBin).ToHashSet();
        long citizens = Set.Employers.Where(e => bins.Contains(e.Bin)).Sum(e => e.Citizens.Total);
        var share = 100m * citizens / (citizens + valid.Count);
        Math.Round(share, 1).ShouldBe(96.5m);
    }

    [Fact]
    public void Every_bin_is_valid_and_unique_and_the_demo_employer_is_in_Karaganda_with_a_few_permits()
    {
        Set.Employers.ShouldAllBe(e => IdentificationNumber.IsValid(e.Bin));
        Set.Employers.Select(e => e.Bin).Distinct().Count().ShouldBe(Set.Employers.Count);
        var demo = Set.Employers.Single(e => e.Bin == DemoAccounts.DemoEmployerBin);
        demo.RegionCode.ShouldBe("KZ-35");
        demo.OkedSection.ShouldBe("F");
        Set.Permits.Count(p => p.EmployerBin == demo.Bin).ShouldBeInRange(3, 10);
        var bins = Set.Employers.Select(e => e.Bin).ToHashSet();
        Set.Permits.ShouldAllBe(p => bins.Contains(p.EmployerBin));
    }
}
