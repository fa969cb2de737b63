using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;
using SQLitePCL;
using Qonys.Web.Modules.Compliance.Domain;
using Qonys.Web.Modules.Permits.Domain;
using Qonys.Web.Modules.Registry.Domain;

namespace Qonys.Web.Platform.Demo;

enum ColumnKind { Text, Int, Long, Bool, Uuid, Date, Timestamp }

sealed record Column<T>(string Name, ColumnKind Kind, Func<T, object?> Value);

/// <summary>A table as the bulk writers see it: its name and its columns in the order written (identity columns left out).</summary>
sealed record Table<T>(string Name, IReadOnlyList<Column<T>> Columns);

/// <summary>The demo data set's tables, column by column, matching the migrations of both providers.</summary>
static class DemoTables
{
    static Column<T> C<T>(string name, ColumnKind kind, Func<T, object?> value) => new(name, kind, value);

    public static readonly Table<Employer> Employers = new("registry_employers",
    [
        C<Employer>("bin", ColumnKind.Text, e => e.Bin), C<Employer>("name", ColumnKind.Text, e => e.Name),
        C<Employer>("region_code", ColumnKind.Text, e => e.RegionCode), C<Employer>("oked_section", ColumnKind.Text, e => e.OkedSection),
        C<Employer>("citizens_cat1", ColumnKind.Int, e => e.Citizens.Cat1), C<Employer>("citizens_cat2", ColumnKind.Int, e => e.Citizens.Cat2),
        C<Employer>("citizens_cat3", ColumnKind.Int, e => e.Citizens.Cat3), C<Employer>("citizens_cat4", ColumnKind.Int, e => e.Citizens.Cat4),
        C<Employer>("foreigners_cat1", ColumnKind.Int, e => e.Foreigners.Cat1), C<Employer>("foreigners_cat2", ColumnKind.Int, e => e.Foreigners.Cat2),
        C<Employer>("foreigners_cat3", ColumnKind.Int, e => e.Foreigners.Cat3), C<Employer>("foreigners_cat4", ColumnKind.Int, e => e.Foreigners.Cat4),
        C<Employer>("is_small_business", ColumnKind.Bool, e => e.IsSmallBusiness), C<Employer>("is_branch_office", ColumnKind.Bool, e => e.IsBranchOffice),
        C<Employer>("created_at", ColumnKind.Timestamp, e => e.CreatedAt), C<Employer>("updated_at", ColumnKind.Timestamp, e => e.UpdatedAt),
    ]);

    public static readonly Table<PermitApplication> Applications = new("permits_applications",
    [
        C<PermitApplication>("id", ColumnKind.Uuid, a => a.Id), C<PermitApplication>("employer_bin", ColumnKind.Text, a => a.EmployerBin),
        C<PermitApplication>("region_code", ColumnKind.Text, a => a.RegionCode), C<PermitApplication>("category", ColumnKind.Text, a => a.Category),
        C<PermitApplication>("occupation_code", ColumnKind.Text, a => a.OccupationCode), C<PermitApplication>("oked_section", ColumnKind.Text, a => a.OkedSection),
        C<PermitApplication>("worker_count", ColumnKind.Int, a => a.WorkerCount), C<PermitApplication>("months", ColumnKind.Int, a => a.Months),
        C<PermitApplication>("monthly_salary_kzt", ColumnKind.Long, a => a.MonthlySalaryKzt),
        C<PermitApplication>("vacancy_published_on", ColumnKind.Date, a => a.VacancyPublishedOn),
        C<PermitApplication>("sending_country", ColumnKind.Text, a => a.SendingCountry),
        C<PermitApplication>("submitted_on", ColumnKind.Date, a => a.SubmittedOn), C<PermitApplication>("quota_year", ColumnKind.Int, a => a.QuotaYear),
        C<PermitApplication>("holds_quota", ColumnKind.Bool, a => a.HoldsQuota), C<PermitApplication>("fee_mci", ColumnKind.Int, a => a.FeeMci),
        C<PermitApplication>("fee_kzt", ColumnKind.Long, a => a.FeeKzt), C<PermitApplication>("fee_rule_version", ColumnKind.Date, a => a.FeeRuleVersion), C<PermitApplication>("decision_due_on", ColumnKind.Date, a => a.DecisionDueOn),
        C<PermitApplication>("fee_due_on", ColumnKind.Date, a => a.FeeDueOn), C<PermitApplication>("status", ColumnKind.Text, a => a.Status),
        C<PermitApplication>("checks_json", ColumnKind.Text, a => a.ChecksJson), C<PermitApplication>("created_at", ColumnKind.Timestamp, a => a.CreatedAt),
        C<PermitApplication>("created_by", ColumnKind.Uuid, a => a.CreatedBy),
    ]);

    public static readonly Table<ApplicationWorker> Workers = new("permits_application_workers",
    [
        C<ApplicationWorker>("id", ColumnKind.Uuid, w => w.Id), C<ApplicationWorker>("application_id", ColumnKind.Uuid, w => w.ApplicationId),
        C<ApplicationWorker>("position", ColumnKind.Int, w => w.Position), C<ApplicationWorker>("full_name", ColumnKind.Text, w => w.FullName),
        C<ApplicationWorker>("passport_number", ColumnKind.Text, w => w.PassportNumber), C<ApplicationWorker>("citizenship", ColumnKind.Text, w => w.Citizenship),
        C<ApplicationWorker>("birth_date", ColumnKind.Date, w => w.BirthDate), C<ApplicationWorker>("education", ColumnKind.Text, w => w.Education),
    ]);

    public static readonly Table<CaseAction> CaseActions = new("permits_case_actions",
    [
        C<CaseAction>("application_id", ColumnKind.Uuid, h => h.ApplicationId), C<CaseAction>("seq", ColumnKind.Int, h => h.Seq),
        C<CaseAction>("at", ColumnKind.Timestamp, h => h.At), C<CaseAction>("actor_id", ColumnKind.Uuid, h => h.ActorId),
        C<CaseAction>("actor_role", ColumnKind.Text, h => h.ActorRole), C<CaseAction>("action", ColumnKind.Text, h => h.Action),
        C<CaseAction>("permit_number", ColumnKind.Text, h => h.PermitNumber), C<CaseAction>("from_status", ColumnKind.Text, h => h.FromStatus),
        C<CaseAction>("to_status", ColumnKind.Text, h => h.ToStatus), C<CaseAction>("reason", ColumnKind.Text, h => h.Reason),
    ]);

    public static readonly Table<Permit> Permits = new("permits_permits",
    [
        C<Permit>("number", ColumnKind.Text, p => p.Number), C<Permit>("application_id", ColumnKind.Uuid, p => p.ApplicationId),
        C<Permit>("worker_id", ColumnKind.Uuid, p => p.WorkerId), C<Permit>("employer_bin", ColumnKind.Text, p => p.EmployerBin),
        C<Permit>("region_code", ColumnKind.Text, p => p.RegionCode), C<Permit>("category", ColumnKind.Text, p => p.Category),
        C<Permit>("occupation_code", ColumnKind.Text, p => p.OccupationCode), C<Permit>("oked_section", ColumnKind.Text, p => p.OkedSection),
        C<Permit>("citizenship", ColumnKind.Text, p => p.Citizenship), C<Permit>("issued_on", ColumnKind.Date, p => p.IssuedOn),
        C<Permit>("valid_from", ColumnKind.Date, p => p.ValidFrom), C<Permit>("valid_until", ColumnKind.Date, p => p.ValidUntil),
        C<Permit>("ended_on", ColumnKind.Date, p => p.EndedOn), C<Permit>("status", ColumnKind.Text, p => p.Status),
        C<Permit>("extensions", ColumnKind.Int, p => p.Extensions),
    ]);

    public static readonly Table<QuotaLedger> Quotas = new("permits_quota_ledger",
    [
        C<QuotaLedger>("year", ColumnKind.Int, q => q.Year), C<QuotaLedger>("region_code", ColumnKind.Text, q => q.RegionCode),
        C<QuotaLedger>("category", ColumnKind.Text, q => q.Category), C<QuotaLedger>("cap", ColumnKind.Int, q => q.Cap),
        C<QuotaLedger>("reserved", ColumnKind.Int, q => q.Reserved), C<QuotaLedger>("used", ColumnKind.Int, q => q.Used),
        C<QuotaLedger>("released", ColumnKind.Int, q => q.Released),
    ]);

    public static readonly Table<Offence> Offences = new("compliance_offences",
    [
        C<Offence>("id", ColumnKind.Uuid, o => o.Id), C<Offence>("article", ColumnKind.Text, o => o.Article),
        C<Offence>("offender_type", ColumnKind.Text, o => o.OffenderType), C<Offence>("offender_bin", ColumnKind.Text, o => o.OffenderBin),
        C<Offence>("offender_person_id", ColumnKind.Uuid, o => o.OffenderPersonId), C<Offence>("region_code", ColumnKind.Text, o => o.RegionCode),
        C<Offence>("committed_on", ColumnKind.Date, o => o.CommittedOn), C<Offence>("recorded_on", ColumnKind.Date, o => o.RecordedOn),
        C<Offence>("fine_mci", ColumnKind.Int, o => o.FineMci), C<Offence>("fine_kzt", ColumnKind.Long, o => o.FineKzt),
        C<Offence>("collected_kzt", ColumnKind.Long, o => o.CollectedKzt), C<Offence>("status", ColumnKind.Text, o => o.Status),
        C<Offence>("resolved_on", ColumnKind.Date, o => o.ResolvedOn), C<Offence>("provision", ColumnKind.Text, o => o.Provision),
        C<Offence>("offender_size", ColumnKind.Text, o => o.OffenderSize), C<Offence>("fine_rule_version", ColumnKind.Date, o => o.FineRuleVersion),
    ]);

    public static readonly Table<HouseholdPermit> HouseholdPermits = new("permits_household_permits",
    [
        C<HouseholdPermit>("number", ColumnKind.Text, p => p.Number), C<HouseholdPermit>("employer_iin", ColumnKind.Text, p => p.EmployerIin),
        C<HouseholdPermit>("employer_slot", ColumnKind.Int, p => p.EmployerSlot), C<HouseholdPermit>("region_code", ColumnKind.Text, p => p.RegionCode),
        C<HouseholdPermit>("worker_full_name", ColumnKind.Text, p => p.WorkerFullName),
        C<HouseholdPermit>("worker_passport_number", ColumnKind.Text, p => p.WorkerPassportNumber),
        C<HouseholdPermit>("worker_citizenship", ColumnKind.Text, p => p.WorkerCitizenship),
        C<HouseholdPermit>("worker_birth_date", ColumnKind.Date, p => p.WorkerBirthDate), C<HouseholdPermit>("months", ColumnKind.Int, p => p.Months),
        C<HouseholdPermit>("issued_on", ColumnKind.Date, p => p.IssuedOn), C<HouseholdPermit>("valid_from", ColumnKind.Date, p => p.ValidFrom),
        C<HouseholdPermit>("valid_until", ColumnKind.Date, p => p.ValidUntil), C<HouseholdPermit>("prepaid_tax_mci", ColumnKind.Int, p => p.PrepaidTaxMci),
        C<HouseholdPermit>("prepaid_tax_kzt", ColumnKind.Long, p => p.PrepaidTaxKzt), C<HouseholdPermit>("mci_year", ColumnKind.Int, p => p.MciYear),
        C<HouseholdPermit>("status", ColumnKind.Text, p => p.Status), C<HouseholdPermit>("created_at", ColumnKind.Timestamp, p => p.CreatedAt),
        C<HouseholdPermit>("created_by", ColumnKind.Uuid, p => p.CreatedBy),
    ]);
}

/// <summary>Writes rows in bulk inside the caller's open transaction.</summary>
interface IDemoBulkWriter
{
    Task WriteAsync<T>(Table<T> table, IEnumerable<T> rows, CancellationToken ct);
}

/// <summary>
/// SQLite: one prepared INSERT per table, executed per row inside the load's single transaction (the connection's open
/// transaction: the statement runs on the same handle). The statement is driven through SQLitePCLRaw, the library under
/// Microsoft.Data.Sqlite, binding values by position: the ADO.NET command would look each parameter up by name and
/// convert it again on every row, which costs more than the insert itself. Values in the text forms EF Core's SQLite
/// provider uses (upper-case GUIDs, ISO dates, "yyyy-MM-dd HH:mm:ss.FFFFFFF" timestamps).
/// </summary>
sealed class SqliteDemoWriter(SqliteConnection connection) : IDemoBulkWriter
{
    public Task WriteAsync<T>(Table<T> table, IEnumerable<T> rows, CancellationToken ct)
    {
        var db = connection.Handle ?? throw new InvalidOperationException("the SQLite connection is not open");
        var sql = $"INSERT INTO {table.Name} ({string.Join(", ", table.Columns.Select(c => c.Name))}) " +
                  $"VALUES ({string.Join(", ", table.Columns.Select(_ => "?"))})";
        Check(raw.sqlite3_prepare_v2(db, sql, out var statement), db);
        using (statement)
        {
            foreach (var row in rows)
            {
                ct.ThrowIfCancellationRequested();
                for (var i = 0; i < table.Columns.Count; i++) Bind(statement, i + 1, table.Columns[i].Value(row));
                var step = raw.sqlite3_step(statement);
                if (step != raw.SQLITE_DONE) Check(step, db);
                Check(raw.sqlite3_reset(statement), db);
            }
        }
        return Task.CompletedTask;
    }

    static void Bind(sqlite3_stmt statement, int position, object? value)
    {
        var rc = value switch
        {
            null => raw.sqlite3_bind_null(statement, position),
            string text => raw.sqlite3_bind_text(statement, position, text),
            int n => raw.sqlite3_bind_int64(statement, position, n),
            long n => raw.sqlite3_bind_int64(statement, position, n),
            bool b => raw.sqlite3_bind_int64(statement, position, b ? 1 : 0),
            Guid g => raw.sqlite3_bind_text(statement, position, g.ToString().ToUpperInvariant()),
            DateOnly d => raw.sqlite3_bind_text(statement, position, d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            DateTime t => raw.sqlite3_bind_text(statement, position, t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture)),
            _ => throw new NotSupportedException($"no SQLite form for a {value.GetType().Name}"),
        };
        if (rc != raw.SQLITE_OK) throw new SqliteException($"binding parameter {position} failed", rc);
    }

    static void Check(int rc, sqlite3 db) => SqliteException.ThrowExceptionForRC(rc, db);
}

/// <summary>PostgreSQL: binary COPY (<see cref="NpgsqlConnection.BeginBinaryImport"/>) per table, in the load's transaction.</summary>
sealed class PostgresDemoWriter(NpgsqlConnection connection) : IDemoBulkWriter
{
    public async Task WriteAsync<T>(Table<T> table, IEnumerable<T> rows, CancellationToken ct)
    {
        var copy = $"COPY {table.Name} ({string.Join(", ", table.Columns.Select(c => c.Name))}) FROM STDIN (FORMAT BINARY)";
        await using var importer = await connection.BeginBinaryImportAsync(copy, ct);
        var types = table.Columns.Select(c => TypeOf(c.Kind)).ToArray();
        foreach (var row in rows)
        {
            importer.StartRow();
            for (var i = 0; i < types.Length; i++)
            {
                var value = table.Columns[i].Value(row);
                if (value is null) importer.WriteNull();
                else importer.Write(value, types[i]);
            }
        }
        await importer.CompleteAsync(ct);
    }

    static NpgsqlDbType TypeOf(ColumnKind kind) => kind switch
    {
        ColumnKind.Text => NpgsqlDbType.Varchar,
        ColumnKind.Int => NpgsqlDbType.Integer,
        ColumnKind.Long => NpgsqlDbType.Bigint,
        ColumnKind.Bool => NpgsqlDbType.Boolean,
        ColumnKind.Uuid => NpgsqlDbType.Uuid,
        ColumnKind.Date => NpgsqlDbType.Date,
        _ => NpgsqlDbType.TimestampTz,
    };
}

static class DemoBulkWriters
{
    /// <summary>The writer for the connection's provider; it writes inside the transaction the caller has begun on it.</summary>
    public static IDemoBulkWriter For(DbConnection connection) => connection switch
    {
        NpgsqlConnection pg => new PostgresDemoWriter(pg),
        SqliteConnection sqlite => new SqliteDemoWriter(sqlite),
        _ => throw new NotSupportedException("bulk loading supports SQLite and PostgreSQL"),
    };

    /// <summary>Writes one generated set (everything but the quota ledger, which a scaled load sums over its copies).</summary>
    public static async Task WriteAsync(IDemoBulkWriter writer, DemoRecords records, CancellationToken ct)
    {
        await writer.WriteAsync(DemoTables.Employers, records.Employers, ct);
        await writer.WriteAsync(DemoTables.Applications, records.Applications, ct);
        await writer.WriteAsync(DemoTables.Workers, records.Applications.SelectMany(a => a.Workers), ct);
        await writer.WriteAsync(DemoTables.CaseActions, records.Applications.SelectMany(a => a.History), ct);
        await writer.WriteAsync(DemoTables.Permits, records.Permits, ct);
        await writer.WriteAsync(DemoTables.Offences, records.Offences, ct);
        await writer.WriteAsync(DemoTables.HouseholdPermits, records.HouseholdPermits, ct);
    }
}
