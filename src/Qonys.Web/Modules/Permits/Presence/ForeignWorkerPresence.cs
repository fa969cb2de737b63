using Microsoft.EntityFrameworkCore;
using Qonys.Web.Modules.Compliance.Contracts;
using Qonys.Web.Modules.Permits.Contracts;
using Qonys.Web.Modules.Permits.Domain;

namespace Qonys.Web.Modules.Permits.Presence;

/// <summary>
/// The permits module's door on presence (<see cref="IForeignWorkerPresence"/>): one read of the workers in the country
/// with their permits (not those that never took effect), then per passport the last day any permit was valid.
/// </summary>
internal sealed class ForeignWorkerPresence(AppDb db) : IForeignWorkerPresence
{
    public async Task<IReadOnlyList<OverstayingWorker>> OverstayingAsync(DateOnly today, int exitPeriodDays, string? regionCode, CancellationToken ct)
    {
        var rows = await (
            from s in db.Set<ForeignWorkerStay>().AsNoTracking()
            where s.InCountry
            join w in db.Set<ApplicationWorker>().AsNoTracking() on new { s.PassportNumber, s.Citizenship } equals new { w.PassportNumber, w.Citizenship }
            join p in db.Set<Permit>().AsNoTracking() on w.Id equals p.WorkerId
            where p.Status != PermitStatus.AwaitingFee && p.Status != PermitStatus.Cancelled
            select new
            {
                s.PassportNumber, s.Citizenship, w.FullName, p.Number, p.EmployerBin, p.RegionCode, p.ValidUntil, p.EndedOn,
                s.LastCrossingAt, s.LastCrossingDirection, s.StayRegionCode, s.StayAddress,
            }).ToListAsync(ct);
        return rows
            .Select(r => new { Row = r, LastValid = r.EndedOn is { } ended && ended <= r.ValidUntil ? ended.AddDays(-1) : r.ValidUntil })
            .GroupBy(r => (r.Row.Citizenship, r.Row.PassportNumber))
            .Select(g => g.OrderByDescending(r => r.LastValid).ThenBy(r => r.Row.Number, StringComparer.Ordinal).First())
            .Select(last => (last.Row, last.LastValid, LeaveBy: last.LastValid.AddDays(exitPeriodDays)))
            .Where(x => x.LeaveBy < today && (regionCode is null || x.Row.RegionCode == regionCode))
            .Select(x => new OverstayingWorker(x.Row.PassportNumber, x.Row.Citizenship, x.Row.FullName, x.Row.Number, x.Row.EmployerBin,
                x.Row.RegionCode, x.LastValid, x.LeaveBy, today.DayNumber - x.LeaveBy.DayNumber,
                x.Row.LastCrossingDirection == CrossingDirection.Entry ? x.Row.LastCrossingAt : null, x.Row.StayRegionCode, x.Row.StayAddress))
            .OrderByDescending(o => o.DaysOverstayed).ThenBy(o => o.PassportNumber, StringComparer.Ordinal)
            .ToList();
    }
}
