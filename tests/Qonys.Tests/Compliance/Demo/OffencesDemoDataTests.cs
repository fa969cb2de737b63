using Qonys.Tests.Platform.Demo;
using Qonys.Web.Modules.Compliance.Demo;

namespace Qonys.Tests.Compliance.Demo;

/// <summary>The compliance demo offences against the published counts and fines of January–May 2025.</summary>
public sealed class OffencesDemoDataTests
{
    static InMemoryDemoSet Set => InMemoryDemoSet.Default;

    [Fact]
    public void Offences_of_January_to_May_2025_match_the_published_counts_and_fines()
    {
        var offences = Set.Offences.Where(o => o.CommittedOn >= ComplianceDemoFigures.OffencesFrom && o.CommittedOn <= ComplianceDemoFigures.OffencesTo).ToList();
        var figures = PublishedFigures.All.Where(f => f.AsOf == "2025-01..2025-05").ToList();
        offences.Count.ShouldBe((int)figures.Single(f => f.Name == "migration_offences" && f.Dimension == "total").Number);
        foreach (var f in figures.Where(f => f.Name == "migration_offences" && f.Dimension == "region"))
            offences.Count(o => o.RegionCode == f.Value).ShouldBe((int)f.Number, f.Value);
        foreach (var f in figures.Where(f => f.Name == "offenders"))
        {
            var type = f.Value switch { "individual" => "individual_entrepreneur", "foreign" => "foreign_national", _ => f.Value };
            offences.Count(o => o.OffenderType == type).ShouldBe((int)f.Number, type);
        }
        offences.Sum(o => o.CollectedKzt).ShouldBe((long)figures.Single(f => f.Name == "fines_collected").Number);
        // Whole MCI of 2025 cannot make 157,100,000 (= 39,954.2 × 3,932): the set imposes 39,954 MCI, 157.1 million as published.
        var imposed = offences.Sum(o => o.FineKzt);
        imposed.ShouldBe(39_954L * 3_932);
        Math.Round(imposed / 100_000m).ShouldBe(figures.Single(f => f.Name == "fines_imposed").Number / 100_000);
        offences.ShouldAllBe(o => o.FineKzt == o.FineMci * 3_932L && o.CollectedKzt <= o.FineKzt);
        offences.Select(o => o.Article).Distinct().Order().ShouldBe(["517", "518", "519"]);
    }
}
