using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Qonys.Web.Modules.Compliance.Domain;
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
    /// What each offender type was found to have done (an assumption: provision | business size | overstay days), exact
    /// counts; the first entry of a type takes the rest of that type's published count. The counts are chosen so that the
    /// fixed fines of the Code's scale leave the published total to Art. 518 p.2 repeat fines of businesses (a range).
    /// </summary>
    static readonly Dictionary<string, (string Label, int Count)[]> OffenceMix = new()
    {
        [OffenderTypes.ForeignNational] = [("517.without_permit||0", 0), ("517.basic||0", 30), ("517.overstay||4", 10), ("517.overstay||2", 6)],
        [OffenderTypes.Individual] = [("518.1||0", 0), ("518.2||0", 40), ("519.1||0", 40)],
        [OffenderTypes.Official] = [("518.1||0", 0)],
        [OffenderTypes.IndividualEntrepreneur] = [("518.1|small|0", 0), ("519.1|small|0", 30), ("518.2|small|0", 8)],
        [OffenderTypes.LegalEntity] =
        [
            ("518.1|small|0", 0), ("518.1|medium|0", 150), ("518.1|large|0", 60), ("518.1|non_profit|0", 20),
            ("519.1|small|0", 60), ("519.1|medium|0", 40), ("519.1|large|0", 10),
            ("518.2|small|0", 45), ("518.2|medium|0", 15), ("518.2|large|0", 5),
        ],
    };

    /// <summary>
    /// 1,600 offences committed 2025-01-01..2025-05-31 with the published regional and offender-type counts; each one's
    /// sanction from the Code's scale (<see cref="OffenceFines"/> over the shipped rule values in force on the day), the
    /// Art. 518 p.2 business fines (a range) moved by whole MCI until the fines sum to <see cref="FinesImposedKzt"/>;
    /// collections (paid in full in a random order, one partly) summing to exactly <see cref="FinesCollectedKzt"/>.
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
        var found = OffenceMix.ToDictionary(m => m.Key, m => new Queue<string>(Labels(types.Count(t => t == m.Key),
            m.Value.Skip(1).ToDictionary(e => e.Label, e => e.Count), [(m.Value[0].Label, 1)], rng)));
        var rules = ReferenceSeeder.ShippedRuleValues().GroupBy(r => r.Key).ToDictionary(g => g.Key, g => g.ToList());
        var employersByRegion = employers.Where(e => !e.IsDemo)
            .GroupBy(e => e.RegionCode).ToDictionary(g => g.Key, g => g.ToList());
        var days = OffencesTo.DayNumber - OffencesFrom.DayNumber + 1;
        var offences = new List<(Offence Offence, Sanction Sanction)>(OffencesTotal);
        for (var i = 0; i < OffencesTotal; i++)
        {
            var type = types[i];
            var what = found[type].Dequeue().Split('|');
            var size = what[1].Length == 0 ? null : what[1];
            var committed = OffencesFrom.AddDays(rng.Next(days));
            var sanction = OffenceFines.For(new OffenceFacts(what[0], type, size, int.Parse(what[2], CultureInfo.InvariantCulture)),
                key => ReferenceData.ValueOn(rules.GetValueOrDefault(key), committed));
            if (sanction.Kind is not (SanctionKind.Fine or SanctionKind.Warning))
                throw new InvalidOperationException($"the demo mix holds {what[0]} for {type}, which the scale does not fine: {sanction.Detail}");
            var bin = type == "legal_entity" && employersByRegion.TryGetValue(regions[i], out var local) ? local[rng.Next(local.Count)].Bin : null;
            offences.Add((new Offence
            {
                Id = NewGuid(rng), Article = OffenceProvisions.ArticleOf(what[0]), Provision = what[0], OffenderType = type,
                OffenderSize = size, OffenderBin = bin, RegionCode = regions[i], CommittedOn = committed,
                RecordedOn = committed.AddDays(rng.Next(11)), FineMci = sanction.MinMci, FineRuleVersion = sanction.RuleVersion,
            }, sanction));
        }
        AdjustFines(offences, rng);
        var result = offences.Select(o => o.Offence).ToList();
        Collect(result, rng);
        return result;
    }

    /// <summary>Moves the fines that are a range (Art. 518 p.2 of businesses), by whole MCI within the range, until the total is exact.</summary>
    static void AdjustFines(List<(Offence Offence, Sanction Sanction)> offences, Random rng)
    {
        var targetMci = (int)(FinesImposedKzt / DemoFigures.Mci2025);
        var adjustable = offences.Where(o => o.Sanction.MaxMci > o.Sanction.MinMci).ToList();
        var diff = targetMci - offences.Sum(o => o.Offence.FineMci);
        if (diff < 0 || diff > adjustable.Sum(o => o.Sanction.MaxMci - o.Sanction.MinMci))
            throw new InvalidOperationException($"the demo offence mix cannot impose {targetMci} MCI ({diff} MCI left to ranged fines)");
        while (diff > 0)
        {
            var (o, sanction) = adjustable[rng.Next(adjustable.Count)];
            var step = Math.Min(Math.Min(diff, 5), sanction.MaxMci - o.FineMci);
            o.FineMci += step;
            diff -= step;
        }
        foreach (var (o, _) in offences) o.FineKzt = (long)o.FineMci * DemoFigures.Mci2025;
    }

    static void Collect(List<Offence> offences, Random rng)
    {
        var order = offences.ToArray();
        Shuffle(order, rng);
        var left = FinesCollectedKzt;
        foreach (var o in order)
        {
            if (o.FineKzt == 0)
            {
                o.Status = OffenceStatus.Warned; // a warning: nothing to collect
                o.ResolvedOn = o.RecordedOn;
            }
            else if (left >= o.FineKzt)
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
