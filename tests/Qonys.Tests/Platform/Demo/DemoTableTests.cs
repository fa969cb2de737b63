using Microsoft.EntityFrameworkCore;
using Qonys.Web.Modules.Compliance.Domain;
using Qonys.Web.Modules.Permits.Domain;
using Qonys.Web.Modules.Registry.Domain;
using Qonys.Web.Platform.Data;
using Qonys.Web.Platform.Demo;

namespace Qonys.Tests.Platform.Demo;

/// <summary>The bulk writers' tables come from the EF model of either provider: names, owned columns, values, identity keys left out.</summary>
public sealed class DemoTableTests
{
    static AppDb Db(string provider) => new(provider == "sqlite"
        ? new DbContextOptionsBuilder<AppDb>().UseSqlite("Data Source=:memory:").Options
        : new DbContextOptionsBuilder<AppDb>().UseNpgsql("Host=localhost").Options);

    public static TheoryData<string> Providers => new() { "sqlite", "postgresql" };

    [Theory, MemberData(nameof(Providers))]
    public void An_employer_is_written_to_its_table_with_the_staff_counts_of_its_owned_types(string provider)
    {
        using var db = Db(provider);
        var table = DemoTable<Employer>.From(db.Model);

        table.Name.ShouldBe("registry_employers");
        table.Columns.Select(c => c.Name).Order(StringComparer.Ordinal).ShouldBe([
            "bin", "citizens_cat1", "citizens_cat2", "citizens_cat3", "citizens_cat4", "created_at", "foreigners_cat1", "foreigners_cat2",
            "foreigners_cat3", "foreigners_cat4", "is_branch_office", "is_small_business", "name", "oked_section", "region_code", "updated_at",
        ]);
        var employer = new Employer
        {
            Bin = "990340001230", Name = "TOO Demo", RegionCode = "KZ-35", OkedSection = "F",
            Citizens = new StaffCounts { Cat1 = 1, Cat2 = 2, Cat3 = 3, Cat4 = 4 }, Foreigners = new StaffCounts { Cat2 = 7 },
        };
        Column("citizens_cat3").Value(employer).ShouldBe(3);
        Column("foreigners_cat2").Value(employer).ShouldBe(7);
        Column("bin").Value(employer).ShouldBe("990340001230");
        Column("citizens_cat1").Kind.ShouldBe(DemoColumnKind.Int);
        Column("is_small_business").Kind.ShouldBe(DemoColumnKind.Bool);
        Column("created_at").Kind.ShouldBe(DemoColumnKind.Timestamp);

        DemoColumn<Employer> Column(string name) => table.Columns.Single(c => c.Name == name);
    }

    [Theory, MemberData(nameof(Providers))]
    public void A_case_action_leaves_its_identity_key_to_the_database(string provider)
    {
        using var db = Db(provider);
        var table = DemoTable<CaseAction>.From(db.Model);

        table.Name.ShouldBe("permits_case_actions");
        table.Columns.Select(c => c.Name).ShouldNotContain("id");
        table.Columns.Select(c => c.Name).Order(StringComparer.Ordinal).ShouldBe([
            "action", "actor_id", "actor_role", "application_id", "at", "from_status", "permit_number", "reason", "seq", "to_status",
        ]);
        table.Columns.Single(c => c.Name == "actor_id").Kind.ShouldBe(DemoColumnKind.Uuid);
    }

    [Theory, MemberData(nameof(Providers))]
    public void Every_table_of_the_demo_set_has_a_bindable_column_for_each_value(string provider)
    {
        using var db = Db(provider);
        DemoTable<PermitApplication>.From(db.Model).Columns.Count.ShouldBe(23); // with fee_rule_version
        DemoTable<ApplicationWorker>.From(db.Model).Columns.Count.ShouldBe(8);
        DemoTable<Permit>.From(db.Model).Columns.Count.ShouldBe(15);
        DemoTable<QuotaLedger>.From(db.Model).Columns.Count.ShouldBe(7);
        DemoTable<Offence>.From(db.Model).Columns.Count.ShouldBe(16); // with provision, offender_size, fine_rule_version
        DemoTable<HouseholdPermit>.From(db.Model).Columns.Count.ShouldBe(18);
    }

    [Fact]
    public void A_type_outside_the_model_has_no_table()
    {
        using var db = Db("sqlite");
        Should.Throw<InvalidOperationException>(() => DemoTable<DemoTableTests>.From(db.Model));
    }
}
