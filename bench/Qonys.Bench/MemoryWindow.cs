using System.Globalization;

namespace Qonys.Bench;

/// <summary>
/// The peak resident memory of this process over a window, not over its lifetime: writing "5" to
/// <c>/proc/self/clear_refs</c> resets the kernel's high-water mark (<c>VmHWM</c>) to the current resident set size
/// (Linux 4.0 and later), so <c>VmHWM</c> read at the end of the window is the window's peak.
/// </summary>
internal static class MemoryWindow
{
    /// <summary>Starts a window; returns the resident set size (<c>VmRSS</c>) at its start, in bytes.</summary>
    public static long Reset()
    {
        try
        {
            using var clear = new FileStream("/proc/self/clear_refs", FileMode.Open, FileAccess.Write);
            clear.Write("5"u8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BenchmarkFailedException("cannot reset the peak resident set size through /proc/self/clear_refs (Linux 4.0+ needed): " + e.Message);
        }
        return StatusBytes("VmRSS:");
    }

    /// <summary>The peak resident set size (<c>VmHWM</c>) since the last <see cref="Reset"/>, in bytes.</summary>
    public static long Peak() => StatusBytes("VmHWM:");

    static long StatusBytes(string field)
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith(field, StringComparison.Ordinal));
        return long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
    }
}
