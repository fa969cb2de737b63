using Qonys.Engines.Scoring;
using static Qonys.Tests.Scoring.TestCards;

namespace Qonys.Tests.Scoring;

public class ShippedScorecardTests
{
    [Fact]
    public void All_four_shipped_scorecards_load_and_pass_validation()
    {
        var cards = ShippedScorecards.All();
        cards.Select(c => c.Key).ShouldBe(["skilled-migrant-pool", "permit-assessment", "employer-risk", "region-labour-deficit"]);
        foreach (var card in cards)
        {
            ScorecardValidator.Validate(card).ShouldBeEmpty(card.Key);
            card.Version.ShouldBe(1);
            card.EffectiveFrom.ShouldBe(new DateOnly(2026, 1, 1));
            card.Criteria.ShouldAllBe(c => !string.IsNullOrWhiteSpace(c.Note));
        }
    }

    [Fact]
    public void Unknown_key_is_refused() => Should.Throw<ArgumentException>(() => ShippedScorecards.Get("nope"));

    [Fact]
    public void Skilled_migrant_pool_scores_a_strong_candidate_by_hand()
    {
        // age 29 → 30; master → 30; 6 years → 15; Kazakh B1 10 + Russian C1 20 + English B2 10 = 40, capped at 35
        // (English, the group's last criterion, loses 5); in-demand yes → 20; no deficit-region offer → 0;
        // salary 650,000 → 15. Total 30 + 30 + 15 + 35 + 20 + 0 + 15 = 145 ≥ pass mark 65.
        var facts = Facts(("age", 29), ("educationLevel", "master"), ("experienceYears", 6), ("kazakhLevel", "B1"),
            ("russianLevel", "C1"), ("englishLevel", "B2"), ("occupationInDemand", "yes"), ("jobOfferInDeficitRegion", "no"),
            ("offeredMonthlySalaryKzt", 650_000));
        var result = ScorecardEvaluator.Evaluate(ShippedScorecards.Get("skilled-migrant-pool"), facts);
        result.Total.ShouldBe(145m);
        result.Passed.ShouldBe(true);
        result.Criteria.Single(c => c.CriterionKey == "english").PointsAfterCap.ShouldBe(5m);
    }

    [Fact]
    public void Permit_assessment_scores_by_hand()
    {
        // 92nd percentile → 20; bachelor → 10; citizens 60 % → 10; nationality share 30 % → 0; shortage no → 0. 40 = pass mark.
        var facts = Facts(("salaryPercentile", 92), ("qualificationLevel", "bachelor"), ("citizenSharePct", 60),
            ("candidateNationalitySharePct", 30), ("shortageOccupation", "no"));
        var result = ScorecardEvaluator.Evaluate(ShippedScorecards.Get("permit-assessment"), facts);
        result.Total.ShouldBe(40m);
        result.Passed.ShouldBe(true);
    }

    [Fact]
    public void Employer_risk_has_a_mitigating_negative_band()
    {
        // no offences 0; 10 % foreign 0; 84 months → −5; 5 % below median 0; no permits without contract 0. Total −5.
        var facts = Facts(("unresolvedOffences", 0), ("foreignStaffSharePct", 10), ("companyAgeMonths", 84),
            ("salaryBelowSectorMedianPct", 5), ("permitsWithoutContract", 0));
        ScorecardEvaluator.Evaluate(ShippedScorecards.Get("employer-risk"), facts).Total.ShouldBe(-5m);
    }

    [Fact]
    public void Json_of_a_shipped_scorecard_round_trips()
    {
        var card = ShippedScorecards.Get("region-labour-deficit");
        var json = ScorecardJson.Serialize(card);
        json.ShouldContain("\"kind\": \"numeric\"");
        ScorecardJson.Serialize(ScorecardJson.Deserialize(json)).ShouldBe(json);
    }
}
