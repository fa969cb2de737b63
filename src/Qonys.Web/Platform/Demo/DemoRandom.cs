namespace Qonys.Web.Platform.Demo;

/// <summary>The drawing tools the modules' demo data share: exact apportionment, label lists, shuffles and weighted picks.</summary>
internal static class DemoRandom
{
    /// <summary>
    /// A label list of <paramref name="total"/> entries: the named counts, and the remainder spread over the other labels
    /// of <paramref name="universe"/> in proportion to their weights (largest remainders), shuffled.
    /// </summary>
    public static List<string> Labels(int total, IReadOnlyDictionary<string, int> named, (string Code, double Weight)[] universe, Random rng)
    {
        var labels = new List<string>(total);
        foreach (var (label, count) in named) labels.AddRange(Enumerable.Repeat(label, count));
        var others = universe.Where(u => !named.ContainsKey(u.Code)).ToArray();
        var rest = total - labels.Count;
        if (rest < 0 || (rest > 0 && others.Length == 0)) throw new InvalidOperationException("named counts do not fit the total");
        var shares = Apportion(rest, others.Select(o => o.Weight).ToArray());
        for (var i = 0; i < others.Length; i++) labels.AddRange(Enumerable.Repeat(others[i].Code, shares[i]));
        Shuffle(labels, rng);
        return labels;
    }

    /// <summary>Largest-remainder apportionment of <paramref name="total"/> in proportion to <paramref name="weights"/>.</summary>
    public static int[] Apportion(int total, double[] weights)
    {
        var sum = weights.Sum();
        var exact = weights.Select(w => sum == 0 ? 0 : total * w / sum).ToArray();
        var shares = exact.Select(e => (int)Math.Floor(e)).ToArray();
        foreach (var i in Enumerable.Range(0, weights.Length).OrderByDescending(i => exact[i] - shares[i]).ThenBy(i => i).Take(total - shares.Sum()))
            shares[i]++;
        return shares;
    }

    public static void Shuffle<T>(IList<T> list, Random rng)
    {
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = rng.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
    }

    /// <summary>A value drawn in proportion to its weight.</summary>
    public static T Pick<T>((T Value, double Weight)[] choices, Random rng)
    {
        var pick = rng.NextDouble() * choices.Sum(c => c.Weight);
        foreach (var (value, weight) in choices)
            if ((pick -= weight) < 0) return value;
        return choices[^1].Value;
    }

    /// <summary>A standard normal draw (Box–Muller).</summary>
    public static double Normal(Random rng) => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    /// <summary>A random (version 4) GUID drawn from the stream, so the same seed gives the same ids.</summary>
    public static Guid NewGuid(Random rng)
    {
        Span<byte> bytes = stackalloc byte[16];
        rng.NextBytes(bytes);
        bytes[7] = (byte)(bytes[7] & 0x0F | 0x40); // version 4 (random), as System.Guid lays its bytes out
        bytes[8] = (byte)(bytes[8] & 0x3F | 0x80);
        return new Guid(bytes);
    }

    /// <summary>A time of office hours (UTC) on the day.</summary>
    public static DateTime At(DateOnly day, Random rng) => day.ToDateTime(new TimeOnly(3 + rng.Next(10), rng.Next(60)), DateTimeKind.Utc);
}
