using Qonys.Web.Modules.Permits.Demo;
using Qonys.Web.Platform.Demo;

namespace Qonys.Tests.Platform.Demo;

/// <summary>The demo data set as one: reproducible from its seed, exact for any seed, fresh numbers per copy of a scaled load.</summary>
public sealed class DemoSetTests
{
    static InMemoryDemoSet Set => InMemoryDemoSet.Default;

    [Fact]
    public void The_same_seed_gives_the_same_records_and_another_seed_different_ones()
    {
        static string Fingerprint(InMemoryDemoSet r) => string.Join("|",
            r.Permits.Take(500).Select(p => $"{p.Number},{p.EmployerBin},{p.Citizenship},{p.ValidFrom},{p.ValidUntil}")
                .Concat(r.Applications.Take(200).SelectMany(a => a.Workers).Select(w => $"{w.Id},{w.FullName},{w.PassportNumber},{w.BirthDate}"))
                .Concat(r.Offences.Take(200).Select(o => $"{o.Id},{o.RegionCode},{o.FineMci},{o.CollectedKzt}"))
                .Concat(r.HouseholdPermits.Take(500).Select(p => $"{p.Number},{p.EmployerIin},{p.WorkerFullName},{p.WorkerCitizenship},{p.ValidFrom}")));

        var again = InMemoryDemoSet.Generate();
        var other = InMemoryDemoSet.Generate(DemoLoad.DefaultSeed + 1);

        Fingerprint(again).ShouldBe(Fingerprint(Set));
        again.Counts.ShouldBe(Set.Counts);
        // the names of the load's audit entry, in the order the contributors write them
        Set.Counts.Select(c => c.Key)
            .ShouldBe(["employers", "applications", "workers", "caseActions", "permits", "quotaRows", "offences", "householdPermits"]);
        Set.Counts.Single(c => c.Key == "workers").Value.ShouldBe(Set.Applications.Sum(a => a.Workers.Count));
        Fingerprint(other).ShouldNotBe(Fingerprint(Set));
        // another seed still reproduces the figures: the construction is exact for any seed
        other.Permits.Count(p => p.IsValidOn(PermitsDemoFigures.March) && p.Citizenship == "CN").ShouldBe(4_945);
        other.Permits.Where(p => p.IsValidOn(PermitsDemoFigures.August)).Select(p => p.EmployerBin).Distinct().Count().ShouldBe(1_899);
        var otherHouseholds = other.HouseholdPermits.Where(p => p.IsValidOn(PermitsDemoFigures.October)).ToList();
        otherHouseholds.Count.ShouldBe(132_500);
        otherHouseholds.Count(p => p.WorkerCitizenship == "UZ").ShouldBe(124_100);
        other.HouseholdPermits.GroupBy(p => p.EmployerIin).ShouldAllBe(h => h.Count() <= 5);
        other.HouseholdPermits.Select(p => $"{p.EmployerIin},{p.ValidFrom}").Take(500)
            .ShouldNotBe(Set.HouseholdPermits.Select(p => $"{p.EmployerIin},{p.ValidFrom}").Take(500));
    }

    [Fact]
    public void A_scaled_copy_has_fresh_bins_and_permit_numbers()
    {
        var copy = InMemoryDemoSet.Generate(DemoLoad.DefaultSeed + 1, copy: 1);
        copy.Employers.Select(e => e.Bin).Intersect(Set.Employers.Select(e => e.Bin)).ShouldBeEmpty();
        copy.Permits.Select(p => p.Number).Intersect(Set.Permits.Select(p => p.Number)).ShouldBeEmpty();
        copy.HouseholdPermits.Select(p => p.Number).Intersect(Set.HouseholdPermits.Select(p => p.Number)).ShouldBeEmpty();
        copy.HouseholdPermits.Select(p => p.EmployerIin).Intersect(Set.HouseholdPermits.Select(p => p.EmployerIin)).ShouldBeEmpty();
        copy.Employers.ShouldNotContain(e => e.Bin == DemoAccounts.DemoEmployerBin);
        Set.Permits.Select(p => p.Number).Distinct().Count().ShouldBe(Set.Permits.Count);
    }
}
