using Microsoft.EntityFrameworkCore;
using Qonys.Web.Modules.Registry.Domain;
using Qonys.Web.Platform.Demo;
using static Qonys.Web.Platform.Demo.DemoRandom;

namespace Qonys.Web.Modules.Registry.Demo;

/// <summary>
/// The employers of the demo set, one per employer of the permits' workforce plan (<see cref="DemoEmployerPlan"/>):
/// a valid BIN, a name of its section, its foreign staff on 2025-08-01, and citizens on the staff so that the employers
/// using foreign labour on 2025-03-01 have a citizen share of exactly <see cref="CitizenSharePercentMarch"/> %. Publishes
/// what the other modules' demo records refer to (<see cref="DemoEmployers"/>).
/// </summary>
internal sealed class EmployersDemoData : IDemoDataContributor
{
    /// <summary>Citizens' share of staff at the employers using foreign labour on 2025-03-01, in percent (published).</summary>
    public const decimal CitizenSharePercentMarch = 96.5m;

    public string Name => "registry: employers";
    public int Order => 200;

    public Task<bool> IsLoadedAsync(AppDb db, CancellationToken ct) => db.Set<Employer>().AnyAsync(ct);

    public async Task ContributeAsync(DemoContext context, CancellationToken ct)
    {
        var employers = Employers(context.Get<DemoEmployerPlan>().Employers, context.Copy, context.Random);
        await context.WriteAsync("employers", employers, ct);
        context.Publish(new DemoEmployers(employers.Select(e => new DemoEmployers.Employer(e.Bin, e.RegionCode, e.OkedSection,
            e.Bin == DemoAccounts.DemoEmployerBin)).ToList()));
    }

    static List<Employer> Employers(IReadOnlyList<DemoEmployerPlan.Employer> plan, int copy, Random rng)
    {
        // Citizens: about 27.6 per foreign worker (96.5 % of staff), varied per employer, then scaled so that the
        // employers using foreign labour on 2025-03-01 have exactly round(13,584 × 96.5 / 3.5) = 374,530 citizens.
        var ratio = (double)(CitizenSharePercentMarch / (100 - CitizenSharePercentMarch));
        var raw = plan.Select(e => Math.Max(1, e.ForeignOnMarch > 0 ? e.ForeignOnMarch : e.ForeignWorkers) * ratio
                                   * Math.Exp(Normal(rng) * 0.35)).ToArray();
        var citizensTarget = (int)Math.Round(plan.Sum(e => e.ForeignOnMarch) * ratio);
        var marchEmployers = plan.Where(e => e.ForeignOnMarch > 0).Select(e => e.Index).ToArray();
        var scaled = Apportion(citizensTarget, marchEmployers.Select(i => raw[i]).ToArray());
        var citizens = raw.Select(r => (int)Math.Round(r)).ToArray();
        for (var k = 0; k < marchEmployers.Length; k++) citizens[marchEmployers[k]] = scaled[k];

        var employers = new List<Employer>(plan.Count);
        foreach (var e in plan)
        {
            var c = Math.Max(citizens[e.Index], 1);
            int c1 = Math.Max(1, (int)Math.Round(c * 0.03)), c2 = (int)Math.Round(c * 0.10), c3 = (int)Math.Round(c * 0.32);
            var c4 = Math.Max(0, c - c1 - c2 - c3);
            var isDemo = e.IsDemo;
            var stems = EmployerStems.GetValueOrDefault(e.OkedSection) ?? ["Steppe Services"];
            var stem = stems[rng.Next(stems.Length)];
            var serial = copy * 5000 + e.Index;
            var created = new DateTime(2015, 1, 1, 9, 0, 0, DateTimeKind.Utc).AddDays(rng.Next(3500));
            var foreign = e.ForeignStaffOnAugust;
            employers.Add(new Employer
            {
                Bin = isDemo ? DemoAccounts.DemoEmployerBin : Bin(serial, rng),
                Name = isDemo ? "TOO Qaragandy Qurylys (demo)" : $"{(rng.Next(10) == 0 ? "AO" : "TOO")} {stem} {serial:D4}",
                RegionCode = e.RegionCode, OkedSection = e.OkedSection,
                Citizens = new StaffCounts { Cat1 = c1, Cat2 = c2, Cat3 = c3, Cat4 = c4 },
                Foreigners = new StaffCounts { Cat1 = foreign[0], Cat2 = foreign[1], Cat3 = foreign[2], Cat4 = foreign[3] },
                IsSmallBusiness = c + e.ForeignWorkers < 50, IsBranchOffice = false,
                CreatedAt = created, UpdatedAt = created,
            });
        }
        return employers;
    }

    /// <summary>A valid BIN: registration year and month, 4 (a resident legal entity), a six-digit serial, the check digit.</summary>
    static string Bin(int serial, Random rng)
    {
        int year = rng.Next(25), month = rng.Next(12);
        for (var t = 0; ; t++)
        {
            var first = $"{(year + t / 12) % 25:D2}{(month + t) % 12 + 1:D2}4{serial:D6}";
            if (IdentificationNumber.Complete(first) is { } bin) return bin;
        }
    }

    static readonly Dictionary<string, string[]> EmployerStems = new()
    {
        ["F"] = ["Steppe Build", "Qurylys Invest", "Saryarka Construction", "Baiterek Stroy", "Caspian Engineering Works"],
        ["A"] = ["Zhetysu Agro", "Dala Harvest", "Ontustik Greenhouse", "Aq Bidai Farming"],
        ["B"] = ["Caspian Drilling", "Saryarka Ore", "Tengiz Field Services", "Kazakh Mining Group"],
        ["C"] = ["Temir Steel", "Ertis Manufacturing", "Shymkent Cement", "Altyn Polymer"],
        ["N"] = ["Nomad Support Services", "Caspian Catering", "Steppe Facility Management"],
        ["G"] = ["Baiterek Trade", "Silk Road Wholesale"], ["H"] = ["Khorgos Logistics", "Transit Line"],
        ["J"] = ["Astana Digital", "Alatau Software"], ["M"] = ["Qazaq Engineering Consult", "Esil Design Bureau"],
        ["D"] = ["Ekibastuz Power", "Balkhash Energy"], ["I"] = ["Burabay Hospitality", "Medeu Hotels"],
        ["E"] = ["Ertis Water"], ["Q"] = ["Astana Medical Centre"], ["P"] = ["Nur Education"], ["K"] = ["Almaty Finance"],
        ["L"] = ["Esil Property"], ["S"] = ["Steppe Services"], ["R"] = ["Alatau Events"],
    };
}
