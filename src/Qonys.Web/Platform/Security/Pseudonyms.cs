using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Qonys.Web.Platform.Security;

/// <summary>
/// Stable pseudonyms for people shown to roles that get no identifiers (analysts): the keyed HMAC-SHA256 of the kind
/// and the identifier, so the same person has the same pseudonym in every answer and across restarts, while without
/// the key nobody can compute it from a passport number or IIN (and try them all). The key is 32 random bytes in a file
/// outside the database, "Qonys:Privacy:PseudonymKeyFile", by default <c>pseudonym-key</c> in the data folder, created
/// (mode 0600) on first use (docs/security.md, "Pseudonyms").
/// </summary>
internal sealed class Pseudonyms(IOptions<QonysOptions> options, IConfiguration configuration)
{
    const int KeyBytes = 32;
    const int PseudonymBytes = 12;

    readonly Lazy<byte[]> _key = new(() => LoadOrCreateKey(KeyFile(options.Value, configuration)));

    /// <summary>The pseudonym of <paramref name="identifier"/> (a passport number, an IIN), of the kind named (e.g. "passport:KG").</summary>
    public string Of(string kind, string identifier)
    {
        var mac = HMACSHA256.HashData(_key.Value, Encoding.UTF8.GetBytes(kind + "\n" + identifier.Trim().ToUpperInvariant()));
        return "ps-" + Convert.ToHexStringLower(mac, 0, PseudonymBytes);
    }

    static string KeyFile(QonysOptions options, IConfiguration configuration) =>
        configuration["Qonys:Privacy:PseudonymKeyFile"] is { Length: > 0 } file
            ? file
            : Path.Combine(options.Database.DataFolder is { Length: > 0 } folder ? folder : ".", "pseudonym-key");

    static byte[] LoadOrCreateKey(string file)
    {
        if (File.Exists(file)) return Convert.FromBase64String(File.ReadAllText(file).Trim());
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        var key = RandomNumberGenerator.GetBytes(KeyBytes);
        try
        {
            var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows()) create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            using var stream = new FileStream(file, create);
            stream.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(key)));
            return key;
        }
        catch (IOException) when (File.Exists(file))
        {
            // Another node or process created it first: use theirs, so pseudonyms stay the same everywhere.
            return Convert.FromBase64String(File.ReadAllText(file).Trim());
        }
    }
}
