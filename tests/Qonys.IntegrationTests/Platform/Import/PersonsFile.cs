using System.Security.Cryptography;
using System.Text;
using Qonys.Web.Modules.Registry.Domain;

namespace Qonys.IntegrationTests.Platform.Import;

/// <summary>
/// A persons file (<c>iin,fullName,birthDate,regionCode</c>) generated from a seed, and what importing it must give: the
/// distinct valid rows (their count and an order-independent checksum), the exact copies of earlier rows (skipped), and
/// the lines of the invalid rows (each kind of mistake the checks know: a wrong check digit, an IIN of another birth
/// date, a day that does not exist, an unknown region, no name, a missing field). Names carry commas (quoted), quotes and
/// Kazakh letters.
/// </summary>
internal sealed class PersonsFile
{
    static readonly string[] Regions = ["KZ-10", "KZ-11", "KZ-15", "KZ-19", "KZ-31", "KZ-33", "KZ-35", "KZ-39", "KZ-55", "KZ-59", "KZ-61", "KZ-62", "KZ-63", "KZ-71", "KZ-75", "KZ-79"];
    static readonly string[] Given = ["Айгерім", "Nurlan", "Дәулет", "Aliya", "Ерлан", "Madina", "Гүлнар", "Timur"];
    static readonly string[] Family = ["Сәрсенова", "Akhmetov", "Жұмабаев", "Omarova", "Qasymov", "Исаева"];
    static readonly DateOnly FirstBirthDate = new(1950, 1, 1);
    const int Days = 20_000; // 1950-01-01 … 2004-10-04

    public required string Path { get; init; }
    public required long ValidRows { get; init; }
    public required ulong ValidChecksum { get; init; }
    public required long Duplicates { get; init; }
    public required IReadOnlyList<long> InvalidLines { get; init; }

    /// <summary>Writes <paramref name="rows"/> data rows to <paramref name="path"/>.</summary>
    public static PersonsFile Write(string path, int rows, int seed)
    {
        var random = new Random(seed);
        var recent = new string[1000]; // the latest valid rows, to copy from
        long validRows = 0;
        var invalidLines = new List<long>();
        ulong checksum = 0;
        long duplicates = 0;
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
        writer.WriteLine("iin,fullName,birthDate,regionCode");
        for (var i = 0; i < rows; i++)
        {
            var line = i + 2L;
            var roll = random.Next(1000);
            if (roll < 2 && validRows > 0)
            {
                writer.WriteLine(recent[random.Next((int)Math.Min(validRows, recent.Length))]);
                duplicates++;
                continue;
            }
            var born = FirstBirthDate.AddDays(i % Days);
            var name = $"{Family[random.Next(Family.Length)]}, {Given[random.Next(Given.Length)]} \"{i}\"";
            var region = Regions[random.Next(Regions.Length)];
            var iin = IinOf(born, i / Days, female: random.Next(2) == 0);
            var bad = roll >= 990 ? roll - 990 : -1; // 1 % invalid, in six kinds
            var fields = new[] { iin, "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"", born.ToString("yyyy-MM-dd"), region };
            switch (bad % 6)
            {
                case 0: fields[0] = iin[..11] + (char)('0' + (iin[11] - '0' + 1) % 10); break;
                case 1: fields[2] = born.AddDays(1).ToString("yyyy-MM-dd"); break;
                case 2: fields[2] = $"{born.Year}-02-30"; break;
                case 3: fields[3] = "KZ-99"; break;
                case 4: fields[1] = ""; break;
                case 5: fields = fields[..3]; break;
            }
            var text = string.Join(',', fields);
            writer.WriteLine(text);
            if (bad >= 0)
            {
                invalidLines.Add(line);
                continue;
            }
            recent[validRows++ % recent.Length] = text;
            checksum += Checksum(iin, name, born.ToString("yyyy-MM-dd"), region);
        }
        return new PersonsFile { Path = path, ValidRows = validRows, ValidChecksum = checksum, Duplicates = duplicates, InvalidLines = invalidLines };
    }

    /// <summary>A row's share of the order-independent checksum (a sum of hashes, wrapping).</summary>
    public static ulong Checksum(string iin, string fullName, string birthDate, string regionCode) =>
        BitConverter.ToUInt64(SHA256.HashData(Encoding.UTF8.GetBytes($"{iin}|{fullName}|{birthDate}|{regionCode}")));

    /// <summary>A valid IIN of the birth date with serial <paramref name="serial"/> (0–49), unique per (date, serial).</summary>
    static string IinOf(DateOnly born, int serial, bool female)
    {
        var century = born.Year >= 2000 ? (female ? '6' : '5') : (female ? '4' : '3');
        // Serials 50 apart keep the pairs apart when a first choice has no check digit.
        for (var s = serial; ; s += 50)
            if (IdentificationNumber.Complete($"{born:yyMMdd}{century}{s:D4}") is { } iin) return iin;
    }
}
