using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace Qonys.Web.Modules.Permits.Certificate;

/// <summary>
/// PdfSharp's fonts on Linux: every family resolves to DejaVu Sans (regular or bold), loaded from the system's font
/// folders (Debian/Ubuntu package fonts-dejavu-core). DejaVu Sans covers the Kazakh and Russian Cyrillic letters.
/// </summary>
internal sealed class SystemFontResolver : IFontResolver
{
    public const string Family = "DejaVu Sans";
    const string Regular = "DejaVuSans";
    const string Bold = "DejaVuSans-Bold";

    static readonly string[] Folders = ["/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu", "/usr/share/fonts/TTF", "/usr/local/share/fonts"];
    static readonly Lock Gate = new();
    public static readonly SystemFontResolver Instance = new();

    readonly ConcurrentDictionary<string, byte[]> _faces = new(StringComparer.Ordinal);

    SystemFontResolver() { }

    /// <summary>Installs the resolver once per process, unless the host installed its own before.</summary>
    public static void EnsureInstalled()
    {
        lock (Gate)
        {
            GlobalFontSettings.FontResolver ??= Instance;
        }
    }

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? Bold : Regular, mustSimulateBold: false, mustSimulateItalic: italic);

    public byte[] GetFont(string faceName) => _faces.GetOrAdd(faceName, Load);

    /// <summary>The path of a face's TrueType file, or null when the fonts are not installed.</summary>
    public static string? FindFile(string faceName) =>
        Folders.Select(f => Path.Combine(f, faceName + ".ttf")).FirstOrDefault(File.Exists);

    static byte[] Load(string faceName) =>
        File.ReadAllBytes(FindFile(faceName) ?? throw new InvalidOperationException(
            $"The font {faceName}.ttf was not found in {string.Join(", ", Folders)}; install the fonts-dejavu-core package."));
}
