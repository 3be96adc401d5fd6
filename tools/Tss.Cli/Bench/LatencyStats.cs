namespace Tss.Cli.Bench;

/// <summary>Nearest-rank percentiles of a latency sample (milliseconds).</summary>
internal static class LatencyStats
{
    public static double Percentile(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 0)
        {
            return 0;
        }
        var rank = (int)Math.Ceiling(p / 100 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }
}
