using Microsoft.EntityFrameworkCore;
using Qonys.Web.Platform.Data;
using Qonys.Web.Platform.Reference;

namespace Qonys.IntegrationTests.Platform;

/// <summary>
/// Upgrading a database of the earlier release: migration 0008 deletes the rule values that release shipped wrong (where
/// they still hold the shipped value), keeps an administrator's edit, and the seeder then loads the corrected periods.
/// </summary>
public sealed class RuleValuesMigrationTests
{
    const string Migration = "0008_rule_values_corrected";

    static async Task<AppDb> EmptyDatabaseAsync(Provider provider)
    {
        var options = new DbContextOptionsBuilder<AppDb>();
        if (provider == Provider.Postgres)
            options.UseNpgsql(await (await PostgresServer.SharedAsync()).CreateDatabaseAsync("upgrade"));
        else
            options.UseSqlite($"Data Source={Path.Combine(Path.GetTempPath(), "qonys-upgrade-" + Guid.NewGuid().ToString("N")[..10] + ".db")};Pooling=false");
        return new AppDb(options.Options);
    }

    /// <summary>Applies the migrations before 0008, as the earlier release did, recording them like the migrator.</summary>
    static async Task MigrateToTheEarlierReleaseAsync(AppDb db)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            await using (var create = connection.CreateCommand())
            {
                create.CommandText = "CREATE TABLE schema_migrations (id varchar(150) PRIMARY KEY, applied_at varchar(40) NOT NULL)";
                await create.ExecuteNonQueryAsync();
            }
            foreach (var (id, sql) in Migrator.Scripts(db.IsPostgres).Where(s => string.CompareOrdinal(s.Id, Migration) < 0))
            {
                await using var command = connection.CreateCommand();
                command.CommandText = sql + $";\nINSERT INTO schema_migrations (id, applied_at) VALUES ('{id}', '2025-01-01T00:00:00Z')";
                await command.ExecuteNonQueryAsync();
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    static RuleValue Row(string key, string from, string? to, decimal value, bool unconfirmed) => new()
    {
        Key = key, EffectiveFrom = DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture),
        EffectiveTo = to is null ? null : DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture),
        Value = value, Unit = "KZT", Unconfirmed = unconfirmed, Source = "budget laws", Note = "", RecordedAt = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc),
    };

    [Theory, OnSqlite, OnPostgres]
    public async Task The_wrongly_shipped_rule_values_are_replaced_and_an_administrators_edit_is_kept(Provider provider)
    {
        await using var db = await EmptyDatabaseAsync(provider);
        await MigrateToTheEarlierReleaseAsync(db);
        // What the earlier release seeded (rule_values.csv of that release), and one value an administrator edited.
        db.Set<RuleValue>().AddRange(
            Row("mci", "2017-01-01", "2017-12-31", 2269, false),
            Row("mci", "2020-01-01", "2020-12-31", 2651, false),
            Row("mci", "2022-01-01", "2022-05-31", 3063, false),
            Row("mci", "2022-06-01", "2022-12-31", 3180, true),
            Row("mci", "2025-01-01", "2025-12-31", 3932, true),
            Row("mci", "2026-01-01", "2026-12-31", 4330, true), // the administrator's edit (not the shipped 4,325)
            Row("local_content.exempt.branch_max_staff", "2025-01-01", null, 10, false),
            Row("local_content.exempt.small_business_max_staff", "2025-01-01", null, 20, false),
            Row("offence.art517.fine_mci", "2025-01-01", null, 25, true),
            Row("household.prepaid_tax_mci_per_month", "2025-01-01", null, 4, false),
            Row("resettlement.certificate_max_kzt", "2025-01-01", null, 4_200_000, false),
            Row("kandas.status_valid_months", "2025-10-26", null, 12, false));
        await db.SaveChangesAsync();

        // The earlier release had every migration before this one; later ones (e.g. 0010) follow it.
        (await Migrator.MigrateAsync(db))[0].ShouldBe(Migration);
        db.ChangeTracker.Clear();
        await new ReferenceSeeder(db, new ReferenceCache(null!, TimeProvider.System), TimeProvider.System).SeedAsync();

        var rules = (await db.Set<RuleValue>().AsNoTracking().ToListAsync()).GroupBy(r => r.Key).ToDictionary(g => g.Key, g => g.ToList());
        decimal On(string key, string day) =>
            ReferenceData.ValueOn(rules[key], DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)).ShouldNotBeNull($"{key} {day}").Value;
        rules["mci"].Where(r => r.EffectiveFrom.Year == 2022).Select(r => (r.EffectiveFrom.Month, r.EffectiveTo?.Month, r.Value)).ShouldBe([(1, 12, 3063m)]);
        On("mci", "2020-03-31").ShouldBe(2651m);
        On("mci", "2020-04-01").ShouldBe(2778m);
        On("mci.benefits", "2022-04-01").ShouldBe(3180m);
        rules["mci"].Single(r => r.EffectiveFrom.Year == 2025).Unconfirmed.ShouldBeFalse();
        On("mci", "2026-06-01").ShouldBe(4330m);
        On("local_content.exempt.branch_max_staff", "2023-06-30").ShouldBe(30m);
        On("local_content.exempt.branch_max_staff", "2025-05-01").ShouldBe(10m);
        On("local_content.exempt.small_business_max_staff", "2025-05-01").ShouldBe(100m);
        On("local_content.exempt.small_business_max_staff", "2025-09-01").ShouldBe(20m);
        On("household.prepaid_tax_mci_per_month", "2026-03-01").ShouldBe(4m);
        rules["household.prepaid_tax_mci_per_month"].Single(r => r.EffectiveFrom.Year == 2026).Unconfirmed.ShouldBeTrue();
        rules.ShouldNotContainKey("offence.art517.fine_mci");
        On("offence.art517.without_permit.fine_mci", "2025-03-01").ShouldBe(25m);
        ReferenceData.ValueOn(rules["resettlement.certificate_max_kzt"], new DateOnly(2025, 6, 1)).ShouldBeNull(); // 2025: in MCI
        On("resettlement.certificate_max_mci", "2025-06-01").ShouldBe(1160m);
        rules["kandas.status_valid_months"].Single().Unconfirmed.ShouldBeTrue();
        (await db.Set<PermitFeeRate>().CountAsync()).ShouldBe(47);
        if (!db.IsPostgres) await db.Database.EnsureDeletedAsync();
    }
}
