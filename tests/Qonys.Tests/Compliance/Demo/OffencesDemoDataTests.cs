using Qonys.Tests.Platform.Demo;
using Qonys.Web.Modules.Compliance.Domain;
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
        var byRegion = figures.Where(f => f.Name == "migration_offences" && f.Dimension == "region").ToList();
        byRegion.ShouldNotBeEmpty("the file publishes offences by region");
        foreach (var f in byRegion)
            offences.Count(o => o.RegionCode == f.Value).ShouldBe((int)f.Number, f.Value);
        var offenders = figures.Where(f => f.Name == "offenders").ToList();
        offenders.ShouldNotBeEmpty("the file publishes offenders by type");
        foreach (var f in offenders)
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

    /// <summary>The Code's scale as PRODUCT.md §3 gives it, written out by hand: (provision, offender type, size) → MCI (0 = warning).</summary>
    static readonly Dictionary<(string, string, string?), int> FixedFines = new()
    {
        [("517.without_permit", "foreign_national", null)] = 25, [("517.basic", "foreign_national", null)] = 15,
        [("518.1", "individual", null)] = 0, [("518.2", "individual", null)] = 30, [("519.1", "individual", null)] = 30,
        [("518.1", "official", null)] = 10,
        [("518.1", "individual_entrepreneur", "small")] = 10, [("519.1", "individual_entrepreneur", "small")] = 100,
        [("518.1", "legal_entity", "small")] = 10, [("518.1", "legal_entity", "non_profit")] = 10,
        [("518.1", "legal_entity", "medium")] = 15, [("518.1", "legal_entity", "large")] = 20,
        [("519.1", "legal_entity", "small")] = 100, [("519.1", "legal_entity", "medium")] = 200, [("519.1", "legal_entity", "large")] = 700,
    };

    [Fact]
    public void Every_demo_offence_is_fined_on_the_codes_scale()
    {
        var offences = Set.Offences.Where(o => o.CommittedOn >= ComplianceDemoFigures.OffencesFrom && o.CommittedOn <= ComplianceDemoFigures.OffencesTo).ToList();
        var firstFine = new Dictionary<string, int> { ["small"] = 10, ["medium"] = 15, ["large"] = 20 };
        var fixedTotal = 0;
        foreach (var o in offences)
        {
            o.Article.ShouldBe(o.Provision![..3]);
            if (o.Provision == "517.overstay")
                o.FineMci.ShouldBeOneOf(0, 10); // 2 days: a warning; 4 days: 10 MCI
            else if (o.Provision == "518.2" && o.OffenderType != "individual")
                o.FineMci.ShouldBeInRange(firstFine[o.OffenderSize!], 100, $"{o.Provision} {o.OffenderSize}");
            else
                o.FineMci.ShouldBe(FixedFines[(o.Provision, o.OffenderType, o.OffenderSize)], $"{o.Provision} {o.OffenderType} {o.OffenderSize}");
            if (o.Provision != "518.2" || o.OffenderType == "individual") fixedTotal += o.FineMci;
            if (o.FineMci == 0) (o.Status, o.FineRuleVersion).ShouldBe((OffenceStatus.Warned, (DateOnly?)null));
            else o.FineRuleVersion.ShouldBe(new DateOnly(2025, 1, 1));
        }
        fixedTotal.ShouldBe(37_290); // docs/demo-data.md: the rest of the 39,954 MCI is the Art. 518 p.2 business fines
        offences.Count(o => o.Provision == "518.1" && o.OffenderType == "individual").ShouldBe(452);
        offences.Count(o => o.Provision == "518.2" && o.OffenderType != "individual").ShouldBe(73);
    }
}
