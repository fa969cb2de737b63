using Microsoft.EntityFrameworkCore;
using Qonys.Web.Modules.Compliance.Domain;
using Qonys.Web.Platform.Data;
using Qonys.Web.Platform.Demo;
using static Qonys.Web.Modules.Compliance.Demo.ComplianceDemoFigures;
using static Qonys.Web.Platform.Demo.DemoRandom;

namespace Qonys.Web.Modules.Compliance.Demo;

/// <summary>The offences of the demo set, some of them by the registry's demo employers (<see cref="DemoEmployers"/>).</summary>
internal sealed class OffencesDemoData : IDemoDataContributor
{
    public string Name => "compliance: offences";
    public int Order => 400;

    public Task<bool> IsLoadedAsync(AppDb db, CancellationToken ct) => db.Set<Offence>().AnyAsync(ct);

    public Task ContributeAsync(DemoContext context, CancellationToken ct) =>
        context.WriteAsync("offences", Offences(context.Get<DemoEmployers>().Employers, context.Random), ct);

    /// <summary>
    /// 1,600 offences committed 2025-01-01..2025-05-31 with the published regional and offender-type counts; fines in
    /// whole MCI of 2025 adjusted to sum to <see cref="FinesImposedKzt"/>; collections (paid in full in a
    /// random order, one partly) summing to exactly <see cref="FinesCollectedKzt"/>.
    /// </summary>
    static List<Offence> Offences(IReadOnlyList<DemoEmployers.Employer> employers, Random rng)
    {
        var otherRegions = OtherOffenceRegions;
        var regions = Labels(OffencesTotal, OffencesByRegion, otherRegions, rng);
        var rest = OffencesTotal - OffendersByType.Values.Sum();
        var types = Labels(OffencesTotal, new Dictionary<string, int>(OffendersByType)
        {
            ["legal_entity"] = rest * 57 / 100, ["individual"] = rest - rest * 57 / 100,
        }, [], rng);
        var employersByRegion = employers.Where(e => !e.IsDemo)
            .GroupBy(e => e.RegionCode).ToDictionary(g => g.Key, g => g.ToList());
        var days = OffencesTo.DayNumber - OffencesFrom.DayNumber + 1;
        var offences = new List<Offence>(OffencesTotal);
        for (var i = 0; i < OffencesTotal; i++)
        {
            var type = types[i];
            var roll = rng.Next(100);
            var article = type switch
            {
                "foreign_national" => "517",
                "individual" => roll < 85 ? "518" : "519",
                "official" => "519",
                "individual_entrepreneur" => roll < 75 ? "519" : "518",
                _ => roll < 70 ? "519" : "518",
            };
            var mci = (article, type) switch
            {
                ("517", _) => 25,
                ("518", "individual") => 10,
                ("518", "legal_entity") => 20,
                ("518", _) => 15,
                ("519", "legal_entity") => 30 + 10 * rng.Next(3),
                ("519", "individual_entrepreneur") => 20 + 10 * rng.Next(3),
                _ => 30,
            };
            var committed = OffencesFrom.AddDays(rng.Next(days));
            var bin = type == "legal_entity" && employersByRegion.TryGetValue(regions[i], out var local) ? local[rng.Next(local.Count)].Bin : null;
            offences.Add(new Offence
            {
                Id = NewGuid(rng), Article = article, OffenderType = type, OffenderBin = bin, RegionCode = regions[i],
                CommittedOn = committed, RecordedOn = committed.AddDays(rng.Next(11)), FineMci = mci,
            });
        }
        AdjustFines(offences, rng);
        Collect(offences, rng);
        return offences;
    }

    /// <summary>Moves Art. 519 fines of legal entities and entrepreneurs (a scale, not a fixed amount) by whole MCI until the total is exact.</summary>
    static void AdjustFines(List<Offence> offences, Random rng)
    {
        var targetMci = (int)(FinesImposedKzt / DemoFigures.Mci2025);
        var adjustable = offences.Where(o => o.Article == "519" && o.OffenderType is "legal_entity" or "individual_entrepreneur").ToList();
        var diff = targetMci - offences.Sum(o => o.FineMci);
        while (diff != 0)
        {
            var o = adjustable[rng.Next(adjustable.Count)];
            var step = Math.Sign(diff) * Math.Min(Math.Abs(diff), 5);
            if (o.FineMci + step is < 20 or > 200) continue;
            o.FineMci += step;
            diff -= step;
        }
        foreach (var o in offences) o.FineKzt = (long)o.FineMci * DemoFigures.Mci2025;
    }

    static void Collect(List<Offence> offences, Random rng)
    {
        var order = offences.ToArray();
        Shuffle(order, rng);
        var left = FinesCollectedKzt;
        foreach (var o in order)
        {
            if (left >= o.FineKzt)
            {
                o.CollectedKzt = o.FineKzt;
                o.Status = rng.Next(5) == 0 ? OffenceStatus.Collected : OffenceStatus.Paid;
                o.ResolvedOn = o.RecordedOn.AddDays(5 + rng.Next(56));
                left -= o.FineKzt;
            }
            else
            {
                o.CollectedKzt = left; // the one fine paid in part; the rest stay open and unpaid
                o.Status = OffenceStatus.Open;
                left = 0;
            }
        }
    }
}
