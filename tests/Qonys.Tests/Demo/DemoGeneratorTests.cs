using System.Globalization;
using Qonys.Web.Modules.Compliance.Domain;
using Qonys.Web.Modules.Permits.Domain;
using Qonys.Web.Modules.Registry.Domain;
using Qonys.Web.Platform.Data;
using Qonys.Web.Platform.Demo;

namespace Qonys.Tests.Demo;

/// <summary>
/// The demo data set against data/published-figures.csv: every figure is counted over the generated records with the
/// rule the dashboards use (<see cref="Permit.IsValidOn"/>), and compared with the published value read from the file
/// (exactly, or to the published rounding where the file says "rounded").
/// </summary>
public sealed class DemoGeneratorTests
{
    static readonly Lazy<DemoRecords> Default = new(() => DemoGenerator.Generate(new DemoOptions()));
    static DemoRecords Set => Default.Value;

    sealed record Figure(string Name, string AsOf, string Dimension, string Value, decimal Number, string Unit);

    static readonly Lazy<List<Figure>> Published = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "Qonys.slnx"))) dir = dir.Parent;
        using var reader = new StreamReader(Path.Combine(dir.FullName, "data", "published-figures.csv"));
        return Csv.ReadRecords(reader).Select(r => new Figure(r["figure"], r["as_of"], r["dimension"], r["dimension_value"].Split(' ')[0],
            decimal.Parse(r["value"], CultureInfo.InvariantCulture), r["unit"])).ToList();
    });

    static string? KeyOf(Permit p, string dimension) => dimension switch
    {
        "total" => "",
        "permit_category" => p.Category,
        "citizenship" => p.Citizenship,
        "oked_section" => p.OkedSection,
        _ => null,
    };

    public static TheoryData<string> WorkerDates => new() { "2025-03-01", "2025-05-01", "2025-08-01" };

    [Theory, MemberData(nameof(WorkerDates))]
    public void Foreign_workers_on_each_published_date_match_every_published_figure(string date)
    {
        var day = DateOnly.Parse(date, CultureInfo.InvariantCulture);
        var valid = Set.Permits.Where(p => p.IsValidOn(day)).ToList();
        var figures = Published.Value.Where(f => f.Name == "foreign_workers_employed" && f.AsOf == date).ToList();
        figures.Count.ShouldBeGreaterThan(6);
        foreach (var f in figures)
        {
            var count = valid.Count(p => KeyOf(p, f.Dimension) == (f.Dimension == "total" ? "" : f.Value));
            if (f.Unit.Contains("rounded", StringComparison.Ordinal))
                Math.Round(count / 100m, MidpointRounding.AwayFromZero).ShouldBe(f.Number / 100, $"{f.Dimension} {f.Value} on {date}: {count}");
            else
                count.ShouldBe((int)f.Number, $"{f.Dimension} {f.Value} on {date}");
        }
    }

    [Fact]
    public void May_hits_the_rounded_figures_exactly_except_ict_which_takes_the_33_the_categories_lack()
    {
        // The published May categories (567 + 2,400 + 4,400 + 1,000 + 2,300 + 3,600 = 14,267) fall 33 short of the
        // published total 14,300; every other May figure is hit as printed, ICT is 3,600 + 33 = 3,633.
        var valid = Set.Permits.Where(p => p.IsValidOn(DemoFigures.May)).ToList();
        valid.Count.ShouldBe(14_300);
        valid.Count(p => p.Category == "2").ShouldBe(2_400);
        valid.Count(p => p.Category == "3").ShouldBe(4_400);
        valid.Count(p => p.Category == "4").ShouldBe(1_000);
        valid.Count(p => p.Category == "seasonal").ShouldBe(2_300);
        valid.Count(p => p.Category == "ict").ShouldBe(3_633);
        valid.Count(p => p.Citizenship == "UZ").ShouldBe(1_900);
        valid.Count(p => p.OkedSection == "A").ShouldBe(2_300);
    }

    [Theory, MemberData(nameof(WorkerDates))]
    public void Employers_using_foreign_labour_match_where_published(string date)
    {
        var day = DateOnly.Parse(date, CultureInfo.InvariantCulture);
        var published = Published.Value.SingleOrDefault(f => f.Name == "employers_using_foreign_labour" && f.AsOf == date);
        var employers = Set.Permits.Where(p => p.IsValidOn(day)).Select(p => p.EmployerBin).Distinct().Count();
        if (published is null) employers.ShouldBeGreaterThan(1_700);
        else employers.ShouldBe((int)published.Number);
    }

    [Fact]
    public void Citizens_are_96_5_percent_of_staff_at_the_employers_using_foreign_labour_in_March()
    {
        var valid = Set.Permits.Where(p => p.IsValidOn(DemoFigures.March)).ToList();
        var bins = valid.Select(p => p.EmployerBin).ToHashSet();
        long citizens = Set.Employers.Where(e => bins.Contains(e.Bin)).Sum(e => e.Citizens.Total);
        var share = 100m * citizens / (citizens + valid.Count);
        Math.Round(share, 1).ShouldBe(96.5m);
    }

    [Fact]
    public void Offences_of_January_to_May_2025_match_the_published_counts_and_fines()
    {
        var offences = Set.Offences.Where(o => o.CommittedOn >= DemoFigures.OffencesFrom && o.CommittedOn <= DemoFigures.OffencesTo).ToList();
        var figures = Published.Value.Where(f => f.AsOf == "2025-01..2025-05").ToList();
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
        var offences = Set.Offences.Where(o => o.CommittedOn >= DemoFigures.OffencesFrom && o.CommittedOn <= DemoFigures.OffencesTo).ToList();
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

    [Fact]
    public void Household_labour_immigrants_on_1_October_2025_match_the_published_figures()
    {
        var figures = Published.Value.Where(f => f.Name == "household_labour_immigrants" && f.AsOf == "2025-10-01").ToList();
        figures.Count.ShouldBe(2);
        var valid = Set.HouseholdPermits.Where(p => p.IsValidOn(DemoFigures.October)).ToList();
        foreach (var f in figures)
            valid.Count(p => f.Dimension == "total" || p.WorkerCitizenship == f.Value).ShouldBe((int)f.Number, f.Dimension + " " + f.Value);
        // 132,500 − 124,100 = 8,400 from the neighbours, Tajikistan the largest of them
        valid.Where(p => p.WorkerCitizenship != "UZ").GroupBy(p => p.WorkerCitizenship).MaxBy(g => g.Count())!.Key.ShouldBe("TJ");
        valid.ShouldNotContain(p => p.WorkerCitizenship == "KZ");
    }

    [Fact]
    public void Household_permits_not_valid_on_1_October_2025_are_the_chosen_few_before_and_after_it()
    {
        var before = Set.HouseholdPermits.Count(p => p.ValidUntil < DemoFigures.October);
        var after = Set.HouseholdPermits.Count(p => p.ValidFrom > DemoFigures.October);
        // docs/demo-data.md: 132,500 valid on 2025-10-01, 9,300 ended before it, 3,950 start after it
        before.ShouldBe(9_300);
        after.ShouldBe(3_950);
        // at most about 20 % more rows than the 132,500 valid ones
        Set.HouseholdPermits.Count.ShouldBe(132_500 + before + after);
        (before + after).ShouldBeLessThanOrEqualTo(132_500 / 5);
    }

    [Fact]
    public void Households_hold_one_to_five_permits_in_unique_slots_with_valid_iins()
    {
        var households = Set.HouseholdPermits.GroupBy(p => p.EmployerIin).ToList();
        households.ShouldAllBe(h => h.Count() >= 1 && h.Count() <= 5);
        households.ShouldAllBe(h => IdentificationNumber.IsValid(h.Key));
        // most households employ one worker, a few the five the law allows
        households.Count(h => h.Count() == 1).ShouldBeGreaterThan(households.Count / 2);
        households.Count(h => h.Count() == 5).ShouldBeInRange(1, households.Count / 20);
        // (IIN, slot) is unique among the permits holding a slot, and the active ones hold slots 1..5
        var slotted = Set.HouseholdPermits.Where(p => p.EmployerSlot is not null).ToList();
        slotted.Select(p => (p.EmployerIin, p.EmployerSlot)).Distinct().Count().ShouldBe(slotted.Count);
        Set.HouseholdPermits.ShouldAllBe(p => (p.Status == HouseholdPermitStatus.Active) == (p.EmployerSlot != null));
        slotted.ShouldAllBe(p => p.EmployerSlot >= 1 && p.EmployerSlot <= 5);
        // no IIN ever holds more than five permits valid on the same day (checked on each permit's first day)
        foreach (var h in households)
            foreach (var p in h)
                h.Count(q => q.IsValidOn(p.ValidFrom)).ShouldBeLessThanOrEqualTo(5);
        Set.HouseholdPermits.Select(p => p.Number).Distinct().Count().ShouldBe(Set.HouseholdPermits.Count);
    }

    [Fact]
    public void Household_permits_last_1_to_12_months_with_4_mci_a_month_prepaid_at_the_issue_years_mci()
    {
        var statusAsOf = new DemoOptions().StatusAsOf;
        foreach (var p in Set.HouseholdPermits)
        {
            p.Months.ShouldBeInRange(1, 12, p.Number);
            p.ValidUntil.ShouldBe(p.ValidFrom.AddMonths(p.Months).AddDays(-1), p.Number);
            p.IssuedOn.ShouldBe(p.ValidFrom);
            p.IssuedOn.Year.ShouldBeInRange(2024, 2025);
            p.MciYear.ShouldBe(p.IssuedOn.Year);
            // PRODUCT.md: 4 MCI for each month, at the MCI of the issue year (budget laws: 3,692 KZT in 2024, 3,932 KZT in 2025)
            var mciKzt = p.IssuedOn.Year == 2024 ? 3_692 : 3_932;
            (p.PrepaidTaxMci, p.PrepaidTaxKzt).ShouldBe((4 * p.Months, 4L * p.Months * mciKzt), p.Number);
            p.Status.ShouldBe(p.ValidUntil < statusAsOf ? HouseholdPermitStatus.Expired : HouseholdPermitStatus.Active);
        }
        // a 12-month permit issued in 2025: 4 × 12 = 48 MCI × 3,932 KZT = 188,736 KZT
        Set.HouseholdPermits.First(p => p.Months == 12 && p.IssuedOn.Year == 2025).PrepaidTaxKzt.ShouldBe(188_736);
    }

    [Fact]
    public void Household_employers_live_mostly_in_the_big_cities_and_the_south()
    {
        var byRegion = Set.HouseholdPermits.GroupBy(p => p.RegionCode).ToDictionary(g => g.Key, g => g.Count());
        byRegion.OrderByDescending(r => r.Value).Take(5).Select(r => r.Key).Order()
            .ShouldBe(["KZ-19", "KZ-61", "KZ-71", "KZ-75", "KZ-79"]);
        byRegion.Keys.ShouldAllBe(code => code.StartsWith("KZ-", StringComparison.Ordinal));
        byRegion.Count.ShouldBe(20);
    }

    [Fact]
    public void The_same_seed_gives_the_same_records_and_another_seed_different_ones()
    {
        static string Fingerprint(DemoRecords r) => string.Join("|",
            r.Permits.Take(500).Select(p => $"{p.Number},{p.EmployerBin},{p.Citizenship},{p.ValidFrom},{p.ValidUntil}")
                .Concat(r.Applications.Take(200).SelectMany(a => a.Workers).Select(w => $"{w.Id},{w.FullName},{w.PassportNumber},{w.BirthDate}"))
                .Concat(r.Offences.Take(200).Select(o => $"{o.Id},{o.RegionCode},{o.FineMci},{o.CollectedKzt}"))
                .Concat(r.HouseholdPermits.Take(500).Select(p => $"{p.Number},{p.EmployerIin},{p.WorkerFullName},{p.WorkerCitizenship},{p.ValidFrom}")));

        var again = DemoGenerator.Generate(new DemoOptions());
        var other = DemoGenerator.Generate(new DemoOptions { Seed = DemoGenerator.DefaultSeed + 1 });

        Fingerprint(again).ShouldBe(Fingerprint(Set));
        again.Counts.ShouldBe(Set.Counts);
        Fingerprint(other).ShouldNotBe(Fingerprint(Set));
        // another seed still reproduces the figures: the construction is exact for any seed
        other.Permits.Count(p => p.IsValidOn(DemoFigures.March) && p.Citizenship == "CN").ShouldBe(4_945);
        other.Permits.Where(p => p.IsValidOn(DemoFigures.August)).Select(p => p.EmployerBin).Distinct().Count().ShouldBe(1_899);
        var otherHouseholds = other.HouseholdPermits.Where(p => p.IsValidOn(DemoFigures.October)).ToList();
        otherHouseholds.Count.ShouldBe(132_500);
        otherHouseholds.Count(p => p.WorkerCitizenship == "UZ").ShouldBe(124_100);
        other.HouseholdPermits.GroupBy(p => p.EmployerIin).ShouldAllBe(h => h.Count() <= 5);
        other.HouseholdPermits.Select(p => $"{p.EmployerIin},{p.ValidFrom}").Take(500)
            .ShouldNotBe(Set.HouseholdPermits.Select(p => $"{p.EmployerIin},{p.ValidFrom}").Take(500));
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

    [Fact]
    public void A_scaled_copy_has_fresh_bins_and_permit_numbers()
    {
        var copy = DemoGenerator.Generate(new DemoOptions { Seed = DemoGenerator.DefaultSeed + 1, Copy = 1 });
        copy.Employers.Select(e => e.Bin).Intersect(Set.Employers.Select(e => e.Bin)).ShouldBeEmpty();
        copy.Permits.Select(p => p.Number).Intersect(Set.Permits.Select(p => p.Number)).ShouldBeEmpty();
        copy.HouseholdPermits.Select(p => p.Number).Intersect(Set.HouseholdPermits.Select(p => p.Number)).ShouldBeEmpty();
        copy.HouseholdPermits.Select(p => p.EmployerIin).Intersect(Set.HouseholdPermits.Select(p => p.EmployerIin)).ShouldBeEmpty();
        copy.Employers.ShouldNotContain(e => e.Bin == DemoAccounts.DemoEmployerBin);
        Set.Permits.Select(p => p.Number).Distinct().Count().ShouldBe(Set.Permits.Count);
    }

    [Fact]
    public void Validity_terms_stay_within_each_categorys_maximum_and_follow_the_application()
    {
        var applications = Set.Applications.ToDictionary(a => a.Id);
        foreach (var p in Set.Permits)
        {
            var a = applications[p.ApplicationId];
            var max = p.Category == PermitCategory.Heads ? 36 : 12;
            a.Months.ShouldBeInRange(1, max, p.Number);
            p.ValidUntil.ShouldBe(p.ValidFrom.AddMonths(a.Months).AddDays(-1), p.Number);
            p.IssuedOn.ShouldBeLessThanOrEqualTo(p.ValidFrom);
            p.RegionCode.ShouldBe(a.RegionCode);
            p.OkedSection.ShouldBe(a.OkedSection);
        }
    }

    [Fact]
    public void Nobody_with_Kazakh_citizenship_holds_a_permit()
    {
        Set.Permits.ShouldNotContain(p => p.Citizenship == "KZ");
        Set.Applications.SelectMany(a => a.Workers).ShouldNotContain(w => w.Citizenship == "KZ");
    }

    [Fact]
    public void Histories_lead_to_the_stored_status_and_each_worker_has_one_permit()
    {
        foreach (var a in Set.Applications)
        {
            CaseHistory.StatusOf(a.History).ShouldBe(a.Status);
            a.History[0].Action.ShouldBe(CaseActionType.Submit);
            a.WorkerCount.ShouldBe(a.Workers.Count);
            a.ChecksJson.ShouldContain("demo record");
        }
        Set.Applications.Where(a => a.Category != PermitCategory.Ict).ShouldAllBe(a => a.Status == ApplicationStatus.FeePaid);
        Set.Permits.Select(p => p.WorkerId).Distinct().Count().ShouldBe(Set.Applications.Sum(a => a.Workers.Count));
    }

    [Fact]
    public void The_quota_ledger_holds_the_published_2025_caps_and_counts_the_places_2025_permits_use()
    {
        var published = Published.Value.Where(f => f.Name == "foreign_labour_quota" && f.AsOf == "2025-01-01" && f.Dimension == "permit_category").ToList();
        published.Count.ShouldBe(5, "the file publishes the cap of each of the five quota categories");
        foreach (var f in published)
            Set.Quotas.Where(q => q.Year == 2025 && q.Category == f.Value).Sum(q => q.Cap).ShouldBe((int)f.Number, f.Value);
        Set.Quotas.ShouldAllBe(q => q.Reserved >= 0 && q.Used >= 0 && q.Reserved + q.Used <= q.Cap);
        Set.Quotas.Where(q => q.Year == 2026).Sum(q => q.Cap).ShouldBe(19_600); // docs/demo-data.md: 2026 has 19,600 places
        var used = Set.Applications.Where(a => a.QuotaYear == 2025 && a.HoldsQuota).Sum(a => a.WorkerCount);
        Set.Quotas.Where(q => q.Year == 2025).Sum(q => q.Used).ShouldBe(used);
        used.ShouldBeGreaterThan(0);
        // Atyrau, the largest share of the regional split, has the largest 2025 cap
        Set.Quotas.Where(q => q.Year == 2025).GroupBy(q => q.RegionCode).MaxBy(g => g.Sum(q => q.Cap))!.Key.ShouldBe("KZ-23");
    }
}
