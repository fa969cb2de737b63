using Qonys.Web.Platform.Reference;

namespace Qonys.Tests.Permits;

/// <summary>
/// The shipped fee table against the decrees, with every expected rate written out by hand (PRODUCT.md §3): decree 157
/// of 03.04.2018 (sector groups A/B/C; 1-year rates rising with the category), decree 811 (seasonal bands from 2021) and
/// decree 819 (from 2026-01-01: seasonal unchanged, the 2018 sector table kept and marked unconfirmed).
/// </summary>
public sealed class PermitFeeTests
{
    static readonly FeeTable Table = ReferenceSeeder.ShippedFeeTable();

    static readonly DateOnly Before2021 = new(2020, 12, 31);
    static readonly DateOnly From2021 = new(2021, 1, 1);
    static readonly DateOnly Before2026 = new(2025, 12, 31);
    static readonly DateOnly From2026 = new(2026, 1, 1);

    /// <summary>One OKED section of each group per row: A = M, J, P, Q, K, H, E, A, D, R; B = B, G; C = the other sections.</summary>
    [Theory]
    [InlineData("A", "A")] [InlineData("D", "A")] [InlineData("E", "A")] [InlineData("H", "A")] [InlineData("J", "A")]
    [InlineData("K", "A")] [InlineData("M", "A")] [InlineData("P", "A")] [InlineData("Q", "A")] [InlineData("R", "A")]
    [InlineData("B", "B")] [InlineData("G", "B")]
    [InlineData("C", "C")] [InlineData("F", "C")] [InlineData("I", "C")] [InlineData("L", "C")] [InlineData("N", "C")]
    [InlineData("O", "C")] [InlineData("S", "C")] [InlineData("T", "C")] [InlineData("U", "C")]
    public void Every_oked_section_is_in_its_sector_group_and_only_group_c_is_unconfirmed(string section, string group)
    {
        var g = Table.GroupOf(section, From2026).ShouldNotBeNull();
        g.SectorGroup.ShouldBe(group);
        g.Unconfirmed.ShouldBe(group == "C");
        Table.GroupOf(section, new DateOnly(2018, 4, 2)).ShouldBeNull(); // nothing before decree 157
    }

    /// <summary>Decree 157: category × group × 1-year term; the same rates before and after 2021 and up to the end of 2025.</summary>
    [Theory]
    [InlineData("1", "M", 137)] [InlineData("2", "M", 158)] [InlineData("3", "M", 179)] [InlineData("4", "M", 200)]
    [InlineData("1", "G", 154)] [InlineData("2", "G", 178)] [InlineData("3", "G", 202)] [InlineData("4", "G", 225)]
    [InlineData("1", "F", 171)] [InlineData("2", "F", 198)] [InlineData("3", "F", 224)] [InlineData("4", "F", 250)]
    public void One_year_rates_rise_with_the_category(string category, string section, int fee)
    {
        foreach (var day in new[] { new DateOnly(2018, 4, 3), Before2021, From2021, Before2026, From2026 })
        {
            var rate = Table.Find(category, section, 12, day).ShouldNotBeNull(day.ToString());
            rate.Rate.FeeMci.ShouldBe(fee, day.ToString());
            // Group C is unconfirmed; from 2026 the whole sector table is (the annex of decree 819 is not loaded).
            rate.Unconfirmed.ShouldBe(section == "F" || day >= From2026, day.ToString());
            rate.Version.ShouldBe(day >= From2026 ? From2026 : new DateOnly(2018, 4, 3));
        }
        Table.Find(category, section, 1, Before2026)!.Rate.FeeMci.ShouldBe(fee); // a shorter term pays the 12-month band
        Table.Find(category, section, 12, new DateOnly(2018, 4, 2)).ShouldBeNull();
    }

    /// <summary>Category 1 for 2 and 3 years: the 1-year rate for each year, marked unconfirmed.</summary>
    [Theory]
    [InlineData("M", 13, 274)] [InlineData("M", 24, 274)] [InlineData("M", 25, 411)] [InlineData("M", 36, 411)]
    [InlineData("G", 24, 308)] [InlineData("G", 36, 462)]
    [InlineData("F", 24, 342)] [InlineData("F", 36, 513)]
    public void Multi_year_category_1_rates_are_per_year_and_unconfirmed(string section, int months, int fee)
    {
        foreach (var day in new[] { Before2021, From2021, Before2026, From2026 })
        {
            var rate = Table.Find("1", section, months, day).ShouldNotBeNull();
            rate.Rate.FeeMci.ShouldBe(fee);
            rate.Unconfirmed.ShouldBeTrue();
        }
        Table.Find("1", section, 37, From2026).ShouldBeNull();
        Table.Find("2", section, 13, From2026).ShouldBeNull(); // categories 2-4: 12 months (extensions pay again)
    }

    /// <summary>Seasonal: 24 MCI for any term before 2021; from 2021 (decree 811) and unchanged from 2026 (decree 819) 12/24/36/48 MCI.</summary>
    [Theory]
    [InlineData(1, 12)] [InlineData(3, 12)] [InlineData(4, 24)] [InlineData(6, 24)] [InlineData(7, 36)] [InlineData(9, 36)]
    [InlineData(10, 48)] [InlineData(12, 48)]
    public void Seasonal_bands_of_90_180_270_365_days(int months, int fee)
    {
        foreach (var section in new[] { "A", "B", "F" })
        {
            var before = Table.Find("seasonal", section, months, Before2021).ShouldNotBeNull();
            before.Rate.FeeMci.ShouldBe(24);
            before.Unconfirmed.ShouldBeFalse();
            foreach (var day in new[] { From2021, Before2026, From2026 })
            {
                var rate = Table.Find("seasonal", section, months, day).ShouldNotBeNull();
                rate.Rate.FeeMci.ShouldBe(fee);
                rate.Unconfirmed.ShouldBeFalse(); // the same in every sector: group C's mark does not apply
                rate.Group.ShouldBeNull();
            }
        }
        Table.Find("seasonal", "A", 13, From2021).ShouldBeNull();
    }

    [Fact]
    public void Intra_corporate_transfers_pay_no_fee()
    {
        foreach (var day in new[] { Before2021, From2021, Before2026, From2026 })
        {
            var rate = Table.Find("ict", "B", 36, day).ShouldNotBeNull();
            rate.Rate.FeeMci.ShouldBe(0);
            rate.Unconfirmed.ShouldBeFalse();
        }
    }
}
