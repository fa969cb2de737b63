using Qonys.Engines.Scoring;
using Qonys.Web.Modules.Selection.Domain;

namespace Qonys.Tests.Selection;

public sealed class CandidateFactsTests
{
    static readonly FactLists Lists = new(new HashSet<string> { "2511" }, new HashSet<string> { "KZ-59" });

    static Candidate Candidate(string occupation = "2511", string? region = null, long? salary = null) => new()
    {
        Id = Guid.Parse("00000000-0000-7000-8000-000000000001"), BirthDate = new DateOnly(1994, 6, 15), Education = "master", ExperienceYears = 4.5m,
        KazakhLevel = "A2", RussianLevel = "C2", EnglishLevel = "none", OccupationCode = occupation, JobOfferRegionCode = region,
        OfferedMonthlySalaryKzt = salary, ProfileAt = new DateTime(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc),
    };

    [Theory]
    // Full years: the day before the birthday is still the younger age.
    [InlineData("1994-06-15", "2026-06-14", 31)]
    [InlineData("1994-06-15", "2026-06-15", 32)]
    [InlineData("1994-06-15", "2026-01-01", 31)]
    // 29 February: in a non-leap year the birthday counts from 1 March.
    [InlineData("2000-02-29", "2026-02-28", 25)]
    [InlineData("2000-02-29", "2026-03-01", 26)]
    public void Age_is_in_full_years_on_the_evaluation_date(string birth, string on, int expected) =>
        CandidateFacts.AgeOn(DateOnly.Parse(birth), DateOnly.Parse(on)).ShouldBe(expected);

    [Fact]
    public void A_profile_maps_to_every_fact_of_the_pool_scorecard()
    {
        var facts = CandidateFacts.Of(Candidate(region: "KZ-59", salary: 700_000), new DateOnly(2026, 6, 15), Lists);
        facts["age"].ShouldBe(FactValue.Of(32));
        facts["educationLevel"].ShouldBe(FactValue.Of("master"));
        facts["experienceYears"].ShouldBe(FactValue.Of(4.5));
        facts["kazakhLevel"].ShouldBe(FactValue.Of("A2"));
        facts["russianLevel"].ShouldBe(FactValue.Of("C2"));
        facts["englishLevel"].ShouldBe(FactValue.Of("none"));
        facts["occupationInDemand"].ShouldBe(FactValue.Of("yes"));
        facts["jobOfferInDeficitRegion"].ShouldBe(FactValue.Of("yes"));
        facts["offeredMonthlySalaryKzt"].ShouldBe(FactValue.Of(700_000));
        // Every fact the shipped pool scorecard reads is provided.
        ShippedScorecards.Get("skilled-migrant-pool").Criteria.Select(c => c.Fact).ShouldBeSubsetOf(facts.Keys);
    }

    [Theory]
    [InlineData("KZ-59", 500_000L, "yes")]
    [InlineData("KZ-71", 500_000L, "no")]
    [InlineData(null, null, "no")]
    public void The_deficit_region_fact_is_yes_only_for_an_offer_in_a_listed_region(string? region, long? salary, string expected) =>
        CandidateFacts.Of(Candidate(region: region, salary: salary), new DateOnly(2026, 6, 15), Lists)["jobOfferInDeficitRegion"]
            .ShouldBe(FactValue.Of(expected));

    [Fact]
    public void Without_a_job_offer_the_salary_is_not_provided_and_earns_no_points()
    {
        var facts = CandidateFacts.Of(Candidate(occupation: "9412"), new DateOnly(2026, 6, 15), Lists);
        facts.ContainsKey("offeredMonthlySalaryKzt").ShouldBeFalse();
        facts["occupationInDemand"].ShouldBe(FactValue.Of("no"));
        var result = ScorecardEvaluator.Evaluate(ShippedScorecards.Get("skilled-migrant-pool"), facts);
        result.MissingFacts.ShouldBe(["offeredMonthlySalaryKzt"]);
        // age 32 → 30; master → 30; 4.5 years → 10 (3–4 band: 3 ≤ x < 5); Kazakh A2 5 + Russian C2 20 + English none 0 = 25
        // (under the cap of 35); not in demand 0; no offer 0; salary missing 0. Total 30 + 30 + 10 + 25 = 95.
        result.Total.ShouldBe(95m);
    }

    [Fact]
    public void The_engine_profile_carries_the_id_timestamp_occupation_and_offer_region()
    {
        var c = Candidate(region: "KZ-59", salary: 1);
        var profile = CandidateFacts.Profile(c, new DateOnly(2026, 6, 15), Lists);
        profile.Id.ShouldBe(c.Id.ToString());
        profile.Submitted.ShouldBe(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
        profile.Occupation.ShouldBe("2511");
        profile.Region.ShouldBe("KZ-59");
    }
}
