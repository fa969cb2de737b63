using Microsoft.EntityFrameworkCore;
using Qonys.Web.Modules.Compliance.Contracts;
using Qonys.Web.Modules.Compliance.Domain;

namespace Qonys.Web.Modules.Compliance.Register;

/// <summary>The compliance module's door to its offences (<see cref="IOffenceRegister"/>).</summary>
internal sealed class OffenceRegister(AppDb db) : IOffenceRegister
{
    public Task<int> OpenOffencesOfAsync(string bin, CancellationToken ct) =>
        db.Set<Offence>().CountAsync(o => o.OffenderBin == bin && o.Status == OffenceStatus.Open, ct);

    public IQueryable<OffenceRecord> Offences => db.Set<Offence>().AsNoTracking().Select(o => new OffenceRecord
    {
        Article = o.Article, OffenderType = o.OffenderType, RegionCode = o.RegionCode, CommittedOn = o.CommittedOn, FineKzt = o.FineKzt,
        CollectedKzt = o.CollectedKzt,
    });
}
