using Microsoft.EntityFrameworkCore;
using Qonys.Web.Modules.Permits.Domain;

namespace Qonys.Web.Modules.Permits.Quotas;

/// <summary>
/// Moves places in the quota ledger with conditional updates executed by the database inside the caller's
/// transaction: a reservation succeeds only when <c>cap − reserved − used ≥ n</c> at the moment the row is
/// written, so no number of concurrent requests or app nodes can oversubscribe a quota (PostgreSQL re-checks the
/// condition on the latest row version; SQLite has a single writer). A check constraint backs this up.
/// </summary>
internal sealed class QuotaBook(AppDb db)
{
    IQueryable<QuotaLedger> Row(int year, string region, string category) =>
        db.Set<QuotaLedger>().Where(q => q.Year == year && q.RegionCode == region && q.Category == category);

    /// <summary>Reserves <paramref name="places"/>; false when the quota cannot hold them.</summary>
    public async Task<bool> TryReserveAsync(int year, string region, string category, int places, CancellationToken ct) =>
        await Row(year, region, category).Where(q => q.Cap - q.Reserved - q.Used >= places)
            .ExecuteUpdateAsync(s => s.SetProperty(q => q.Reserved, q => q.Reserved + places), ct) == 1;

    /// <summary>A reservation ends without use (rejection, withdrawal).</summary>
    public Task ReleaseReservationAsync(int year, string region, string category, int places, CancellationToken ct) =>
        Expect(Row(year, region, category).Where(q => q.Reserved >= places)
            .ExecuteUpdateAsync(s => s.SetProperty(q => q.Reserved, q => q.Reserved - places)
                .SetProperty(q => q.Released, q => q.Released + places), ct), "release a reservation");

    /// <summary>A reservation becomes use (permits issued).</summary>
    public Task UseReservationAsync(int year, string region, string category, int places, CancellationToken ct) =>
        Expect(Row(year, region, category).Where(q => q.Reserved >= places)
            .ExecuteUpdateAsync(s => s.SetProperty(q => q.Reserved, q => q.Reserved - places)
                .SetProperty(q => q.Used, q => q.Used + places), ct), "turn a reservation into use");

    /// <summary>Used places come back (lapse, revocation).</summary>
    public Task ReleaseUseAsync(int year, string region, string category, int places, CancellationToken ct) =>
        Expect(Row(year, region, category).Where(q => q.Used >= places)
            .ExecuteUpdateAsync(s => s.SetProperty(q => q.Used, q => q.Used - places)
                .SetProperty(q => q.Released, q => q.Released + places), ct), "release used places");

    static async Task Expect(Task<int> update, string what)
    {
        if (await update != 1) throw new InvalidOperationException($"quota ledger out of step: could not {what}");
    }
}
