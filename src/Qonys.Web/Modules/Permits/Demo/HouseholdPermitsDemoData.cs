using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Qonys.Web.Modules.Permits.Domain;
using Qonys.Web.Modules.Registry.Contracts;
using Qonys.Web.Platform.Demo;
using static Qonys.Web.Modules.Permits.Demo.PermitsDemoFigures;
using static Qonys.Web.Platform.Demo.DemoRandom;

namespace Qonys.Web.Modules.Permits.Demo;

/// <summary>
/// Last of the demo set's figures (after the offences, from the same random stream, so the records before it do not
/// change): the household labour immigrants' permits valid on 2025-10-01 as published, with a few before and after,
/// each of a synthetic household employer (a citizen's IIN, no <c>Person</c> row).
/// </summary>
internal sealed class HouseholdPermitsDemoData : IDemoDataContributor
{
    public string Name => "permits: household permits";
    public int Order => 500;

    public Task<bool> IsLoadedAsync(AppDb db, CancellationToken ct) => db.Set<HouseholdPermit>().AnyAsync(ct);

    public Task ContributeAsync(DemoContext context, CancellationToken ct) =>
        context.WriteAsync("householdPermits", HouseholdPermits(context.Copy, context.Today, context.Random), ct);

    enum HouseholdValidity { OnOctober, EndedBefore, StartsAfter }

    /// <summary>
    /// Household permits: exactly <see cref="PermitsDemoFigures.OnOctober"/> valid on 2025-10-01 with the published Uzbek count
    /// (the rest of the citizenships by weight, largest remainders), plus a fixed number that ended before and that start
    /// after that day (citizenships in the same proportions). The permits are shuffled and dealt to households of 1–5
    /// workers with fresh synthetic IINs, so no IIN ever holds more than five; each active permit takes slot 1..n of its
    /// household, an expired one none. Terms 1–12 months, prepaid tax 4 MCI a month at the MCI of the issue year.
    /// </summary>
    static List<HouseholdPermit> HouseholdPermits(int copy, DateOnly statusAsOf, Random rng)
    {
        var permits = new List<HouseholdPermit>();
        var target = OnOctober;
        var kinds = new List<(HouseholdValidity Kind, string Citizenship)>();
        void Add(HouseholdValidity kind, int count)
        {
            var named = target.Citizenships.ToDictionary(c => c.Key, c => count == target.Total
                ? c.Value
                : (int)Math.Round((double)count * c.Value / target.Total, MidpointRounding.AwayFromZero));
            kinds.AddRange(Labels(count, named, PermitsDemoVocabulary.HouseholdOtherCountries, rng).Select(c => (kind, c)));
        }
        Add(HouseholdValidity.OnOctober, target.Total);
        Add(HouseholdValidity.EndedBefore, HouseholdPermitsEndedBefore);
        Add(HouseholdValidity.StartsAfter, HouseholdPermitsStartingAfter);
        Shuffle(kinds, rng);

        using var iins = HouseholdIins(copy).GetEnumerator();
        var serial = copy * 1_000_000;
        for (var next = 0; next < kinds.Count;)
        {
            var size = Math.Min(Pick(PermitsDemoVocabulary.HouseholdSizes, rng), kinds.Count - next);
            iins.MoveNext();
            var iin = iins.Current;
            var region = Pick(PermitsDemoVocabulary.HouseholdRegions, rng);
            for (var position = 1; position <= size; position++, next++)
            {
                var (kind, citizenship) = kinds[next];
                var months = Pick(PermitsDemoVocabulary.HouseholdTerms, rng);
                var from = HouseholdValidFrom(kind, months, rng);
                var until = from.AddMonths(months).AddDays(-1);
                var (taxMci, taxKzt) = HouseholdRules.PrepaidTax(months, PermitsDemoVocabulary.HouseholdPrepaidTaxMciPerMonth, DemoFigures.Mci(from.Year));
                var active = until >= statusAsOf;
                permits.Add(new HouseholdPermit
                {
                    Number = $"HH-{from.Year}-D{DemoNumbers.Base32(serial++, 7)}", EmployerIin = iin, EmployerSlot = active ? position : null, RegionCode = region,
                    WorkerFullName = PermitsDemoVocabulary.FullName(citizenship, rng), WorkerPassportNumber = PermitsDemoVocabulary.PassportNumber(citizenship, rng),
                    WorkerCitizenship = citizenship, WorkerBirthDate = new DateOnly(1965 + rng.Next(40), 1, 1).AddDays(rng.Next(365)),
                    Months = months, IssuedOn = from, ValidFrom = from, ValidUntil = until, PrepaidTaxMci = taxMci, PrepaidTaxKzt = taxKzt,
                    MciYear = from.Year, Status = active ? HouseholdPermitStatus.Active : HouseholdPermitStatus.Expired, CreatedAt = At(from, rng),
                });
            }
        }
        return permits;
    }

    /// <summary>
    /// The first day (= the issue day) of a household permit of <paramref name="months"/> so that it is valid on 2025-10-01,
    /// ended before it, or starts after it (issued by the end of 2025). A random day is tried first; the fallback always fits.
    /// </summary>
    static DateOnly HouseholdValidFrom(HouseholdValidity kind, int months, Random rng)
    {
        var day = October;
        var (lo, hi, fallback) = kind switch
        {
            HouseholdValidity.OnOctober => (day.AddMonths(-months).AddDays(1), day, day),
            HouseholdValidity.EndedBefore => (DemoNumbers.Max(new DateOnly(2024, 1, 1), day.AddMonths(-months - 9)), day.AddMonths(-months).AddDays(-1),
                day.AddMonths(-months - 1)),
            _ => (day.AddDays(1), new DateOnly(2025, 12, 31), day.AddDays(1)),
        };
        var from = lo.AddDays(rng.Next(hi.DayNumber - lo.DayNumber + 1));
        var until = from.AddMonths(months).AddDays(-1);
        var fits = kind switch
        {
            HouseholdValidity.OnOctober => from <= day && day <= until,
            HouseholdValidity.EndedBefore => until < day,
            _ => from > day,
        };
        return fits ? from : fallback;
    }

    /// <summary>
    /// Synthetic household employers' IINs: born 1950–1999 (century digit 3 or 4), serial from 5000, a valid check digit.
    /// Candidate j maps one-to-one to (birth day, century digit, serial), and copy k starts at j = 300,000 × k, so no two
    /// households of any copy share an IIN.
    /// </summary>
    static IEnumerable<string> HouseholdIins(int copy)
    {
        var first = new DateOnly(1950, 1, 1);
        var days = new DateOnly(2000, 1, 1).DayNumber - first.DayNumber;
        for (var j = copy * 300_000L; ; j++)
        {
            var born = first.AddDays((int)(j * 7919 % days)); // 7919 is prime and does not divide 18,262 days: a permutation
            var century = 3 + j / days % 2;
            var serial = 5000 + j / (2 * days);
            if (IdentificationNumbers.Complete(born.ToString("yyMMdd", CultureInfo.InvariantCulture) + century + serial.ToString("D4", CultureInfo.InvariantCulture))
                is { } iin)
                yield return iin;
        }
    }
}
