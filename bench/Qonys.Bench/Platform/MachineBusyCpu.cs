using System.Globalization;

namespace Qonys.Bench.Platform;

/// <summary>
/// The machine's busy CPU time so far, from the first line of /proc/stat (user, nice, system, irq, softirq; not idle,
/// iowait or time stolen by the hypervisor), summed over all cores: the difference of two readings is what every process
/// together used.
/// </summary>
public static class MachineBusyCpu
{
    const double TicksPerSecond = 100; // USER_HZ, 100 on Linux

    public static TimeSpan Read()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        long Field(int i) => long.Parse(fields[i], CultureInfo.InvariantCulture);
        var busy = Field(1) + Field(2) + Field(3) + Field(6) + Field(7);
        return TimeSpan.FromSeconds(busy / TicksPerSecond);
    }
}
