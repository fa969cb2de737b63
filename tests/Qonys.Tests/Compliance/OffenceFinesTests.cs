using Qonys.Web.Modules.Compliance.Domain;
using Qonys.Web.Platform.Reference;

namespace Qonys.Tests.Compliance;

/// <summary>
/// The fine scale of the Code of Administrative Offences (PRODUCT.md §3) over the shipped rule values of an offence day,
/// every expected sanction written by hand from the Code: Art. 517 (foreigner), Art. 518 (host), Art. 519 (employer).
/// </summary>
public sealed class OffenceFinesTests
{
    static readonly IReadOnlyDictionary<string, List<RuleValue>> Rules =
        ReferenceSeeder.ShippedRuleValues().GroupBy(r => r.Key).ToDictionary(g => g.Key, g => g.ToList());

    static readonly DateOnly Day = new(2025, 3, 14);

    static Sanction For(string provision, string offender, string? size = null, int overstayDays = 0) =>
        OffenceFines.For(new OffenceFacts(provision, offender, size, overstayDays), key => ReferenceData.ValueOn(Rules.GetValueOrDefault(key), Day));

    static void ShouldFine(Sanction s, int mci)
    {
        s.Kind.ShouldBe(SanctionKind.Fine, s.Detail);
        s.MinMci.ShouldBe(mci, s.Detail);
        s.MaxMci.ShouldBe(mci, s.Detail);
        s.RuleVersion.ShouldBe(new DateOnly(2025, 1, 1));
        s.Unconfirmed.ShouldBeFalse();
    }

    [Fact]
    public void Art_517_fines_a_foreign_national()
    {
        ShouldFine(For(OffenceProvisions.Art517Basic, OffenderTypes.ForeignNational), 15);
        ShouldFine(For(OffenceProvisions.Art517WithoutPermit, OffenderTypes.ForeignNational), 25);
        For(OffenceProvisions.Art517WithoutPermit, OffenderTypes.LegalEntity, BusinessSize.Small).Kind.ShouldBe(SanctionKind.NoValue);
    }

    [Theory]
    [InlineData(1, "Warning", 0)]
    [InlineData(3, "Warning", 0)] // up to 3 days: a warning
    [InlineData(4, "Fine", 10)]   // 3-5 days: 10 MCI
    [InlineData(5, "Fine", 10)]
    [InlineData(6, "NoValue", 0)] // beyond the scale on file
    public void Art_517_overstay_by_days(int days, string kind, int mci)
    {
        var s = For(OffenceProvisions.Art517Overstay, OffenderTypes.ForeignNational, overstayDays: days);
        s.Kind.ToString().ShouldBe(kind, s.Detail);
        s.MinMci.ShouldBe(mci);
        s.MaxMci.ShouldBe(mci);
    }

    [Theory]
    [InlineData(OffenderTypes.Official, null, 10)]
    [InlineData(OffenderTypes.IndividualEntrepreneur, null, 10)] // an individual entrepreneur is a small business
    [InlineData(OffenderTypes.LegalEntity, BusinessSize.Small, 10)]
    [InlineData(OffenderTypes.LegalEntity, BusinessSize.NonProfit, 10)]
    [InlineData(OffenderTypes.LegalEntity, BusinessSize.Medium, 15)]
    [InlineData(OffenderTypes.LegalEntity, BusinessSize.Large, 20)]
    [InlineData(OffenderTypes.IndividualEntrepreneur, BusinessSize.Medium, 15)]
    public void Art_518_part_1_by_offender(string offender, string? size, int mci) =>
        ShouldFine(For(OffenceProvisions.Art518Part1, offender, size), mci);

    [Fact]
    public void Art_518_part_1_warns_an_individual_and_does_not_apply_to_a_foreigner()
    {
        var s = For(OffenceProvisions.Art518Part1, OffenderTypes.Individual);
        s.Kind.ShouldBe(SanctionKind.Warning);
        s.MinMci.ShouldBe(0);
        For(OffenceProvisions.Art518Part1, OffenderTypes.ForeignNational).Kind.ShouldBe(SanctionKind.NoValue);
    }

    [Theory]
    [InlineData(BusinessSize.Small, 10)]
    [InlineData(BusinessSize.NonProfit, 10)]
    [InlineData(BusinessSize.Medium, 15)]
    [InlineData(BusinessSize.Large, 20)]
    public void Art_518_part_2_repeat_by_a_business_is_up_to_100_mci(string size, int least)
    {
        var s = For(OffenceProvisions.Art518Part2, OffenderTypes.LegalEntity, size);
        s.Kind.ShouldBe(SanctionKind.Fine);
        (s.MinMci, s.MaxMci).ShouldBe((least, 100));
        s.Detail.ShouldContain("12 months");
    }

    [Fact]
    public void Art_518_part_2_repeat_by_an_individual_is_30_mci_and_an_official_has_no_value_on_file()
    {
        ShouldFine(For(OffenceProvisions.Art518Part2, OffenderTypes.Individual), 30);
        For(OffenceProvisions.Art518Part2, OffenderTypes.Official).Kind.ShouldBe(SanctionKind.NoValue);
    }

    [Theory]
    [InlineData(OffenderTypes.Individual, null, 30)]
    [InlineData(OffenderTypes.IndividualEntrepreneur, null, 100)]
    [InlineData(OffenderTypes.LegalEntity, BusinessSize.Small, 100)]
    [InlineData(OffenderTypes.LegalEntity, BusinessSize.Medium, 200)]
    [InlineData(OffenderTypes.LegalEntity, BusinessSize.Large, 700)]
    public void Art_519_part_1_by_offender(string offender, string? size, int mci) =>
        ShouldFine(For(OffenceProvisions.Art519Part1, offender, size), mci);

    [Fact]
    public void Art_519_has_no_value_for_officials_and_a_repeat_is_criminal()
    {
        For(OffenceProvisions.Art519Part1, OffenderTypes.Official).Kind.ShouldBe(SanctionKind.NoValue);
        For(OffenceProvisions.Art519Part1, OffenderTypes.LegalEntity, BusinessSize.NonProfit).Kind.ShouldBe(SanctionKind.NoValue);
        For(OffenceProvisions.Art519Repeat, OffenderTypes.LegalEntity, BusinessSize.Large).Kind.ShouldBe(SanctionKind.Criminal);
    }

    [Fact]
    public void Before_the_first_value_on_file_there_is_no_fine()
    {
        var s = OffenceFines.For(new OffenceFacts(OffenceProvisions.Art519Part1, OffenderTypes.Individual),
            key => ReferenceData.ValueOn(Rules.GetValueOrDefault(key), new DateOnly(2024, 12, 31)));
        s.Kind.ShouldBe(SanctionKind.NoValue);
    }

    [Fact]
    public void The_article_of_a_provision() =>
        OffenceProvisions.All.Select(OffenceProvisions.ArticleOf).Distinct().ShouldBe(["517", "518", "519"]);
}
