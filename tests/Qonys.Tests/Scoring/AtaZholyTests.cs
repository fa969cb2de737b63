using Qonys.Engines.Scoring;

namespace Qonys.Tests.Scoring;

public class AtaZholyTests
{
    private static readonly AtaZholyLists Lists = new()
    {
        SimplifiedCitizenshipProfessions = ["Physician", "Mining engineer"],
        PermanentResidenceProfessions = ["Welder", "Software developer"],
        BusinessAbroad = new BusinessAbroadCriteria(MinYearsOperating: 3, MinAnnualTurnoverUsd: 500_000),
        CardTermYears = 10,
    };

    [Fact]
    public void Profession_on_the_citizenship_list_is_eligible_for_the_listed_term()
    {
        var decision = AtaZholyEligibility.Check(new AtaZholyApplicant { Profession = " physician " }, Lists);
        decision.Eligible.ShouldBeTrue();
        decision.CardTermYears.ShouldBe(10);
        decision.Pathways[0].ShouldBe(new AtaZholyPathwayCheck(AtaZholyPathway.SimplifiedCitizenshipProfession, true,
            "profession \"physician\" is on the list of simplified-citizenship professions"));
        decision.Pathways[1].Met.ShouldBeFalse();
    }

    [Fact]
    public void Profession_on_the_residence_list_is_eligible()
    {
        var decision = AtaZholyEligibility.Check(new AtaZholyApplicant { Profession = "Welder" }, Lists with { CardTermYears = 5 });
        decision.Pathways.Where(p => p.Met).Select(p => p.Pathway).ShouldBe([AtaZholyPathway.PermanentResidenceProfession]);
        decision.CardTermYears.ShouldBe(5);
    }

    [Theory]
    [InlineData(3, 500_000, true)]
    [InlineData(2.5, 900_000, false)]
    [InlineData(4, 499_999, false)]
    public void Business_abroad_needs_the_minimum_years_and_turnover(double years, double turnover, bool met)
    {
        var applicant = new AtaZholyApplicant
        {
            Profession = "Farmer", OperatesBusinessAbroad = true,
            BusinessYearsOperating = (decimal)years, BusinessAnnualTurnoverUsd = (decimal)turnover,
        };
        var decision = AtaZholyEligibility.Check(applicant, Lists);
        decision.Eligible.ShouldBe(met);
        decision.Pathways[2].Met.ShouldBe(met);
    }

    [Fact]
    public void Not_eligible_gives_every_reason_and_no_term()
    {
        var applicant = new AtaZholyApplicant { Profession = "Farmer", OperatesBusinessAbroad = true, BusinessYearsOperating = 1 };
        var decision = AtaZholyEligibility.Check(applicant, Lists);
        decision.Eligible.ShouldBeFalse();
        decision.CardTermYears.ShouldBeNull();
        decision.Pathways.Select(p => p.Reason).ShouldBe(
        [
            "profession \"Farmer\" is not on the list of simplified-citizenship professions",
            "profession \"Farmer\" is not on the list of in-demand professions for permanent residence",
            "the business has operated 1 years, fewer than the 3 required; the annual turnover was not given",
        ]);
    }

    [Fact]
    public void Card_term_above_ten_years_is_refused()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => AtaZholyEligibility.Check(new AtaZholyApplicant(), Lists with { CardTermYears = 11 }));
    }
}
