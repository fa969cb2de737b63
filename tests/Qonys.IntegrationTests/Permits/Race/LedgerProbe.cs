using Npgsql;

namespace Qonys.IntegrationTests.Permits.Race;

/// <summary>One quota ledger row as stored, and what the applications and permits of that row add up to.</summary>
public sealed record LedgerRow(int Cap, int Reserved, int Used, long SubmittedWorkers, long PermitsIssued)
{
    public int Committed => Reserved + Used;
}

/// <summary>Reads the quota ledger and the case tables straight from PostgreSQL, bypassing the app.</summary>
public sealed class LedgerProbe(string connectionString)
{
    public async Task<LedgerRow?> ReadAsync(int year, string region, string category)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("""
            SELECT l.cap, l.reserved, l.used,
                   (SELECT COALESCE(SUM(a.worker_count), 0) FROM permits_applications a
                     WHERE a.quota_year = l.year AND a.region_code = l.region_code AND a.category = l.category
                       AND a.status = 'submitted' AND a.holds_quota),
                   (SELECT COUNT(*) FROM permits_permits p JOIN permits_applications a ON a.id = p.application_id
                     WHERE a.quota_year = l.year AND a.region_code = l.region_code AND a.category = l.category)
            FROM permits_quota_ledger l
            WHERE l.year = @year AND l.region_code = @region AND l.category = @category
            """, conn);
        cmd.Parameters.AddWithValue("year", year);
        cmd.Parameters.AddWithValue("region", region);
        cmd.Parameters.AddWithValue("category", category);
        await using var reader = await cmd.ExecuteReaderAsync();
        if (!await reader.ReadAsync()) return null;
        return new LedgerRow(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt64(3), reader.GetInt64(4));
    }

    /// <summary>The regions in force (ISO 3166-2:KZ codes), in code order.</summary>
    public async Task<List<string>> CurrentRegionsAsync()
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT code FROM ref_regions WHERE valid_to IS NULL AND code LIKE 'KZ-%' ORDER BY code", conn);
        await using var reader = await cmd.ExecuteReaderAsync();
        var codes = new List<string>();
        while (await reader.ReadAsync()) codes.Add(reader.GetString(0));
        return codes;
    }
}
