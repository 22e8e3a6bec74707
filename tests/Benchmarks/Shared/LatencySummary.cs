using HdrHistogram;

namespace HotReload.Benchmarks.Shared;

/// <summary>Percentiles of one set of latencies, in milliseconds, as reported in the tables.</summary>
internal sealed record LatencySummary(long Count, double P50Ms, double P90Ms, double P99Ms, double MaxMs)
{
    /// <summary>Microsecond resolution up to a minute, three significant digits: finer than anything measured here.</summary>
    public static LongHistogram NewHistogram() => new(60_000_000, 3);

    public static LatencySummary From(LongHistogram microseconds)
    {
        ArgumentNullException.ThrowIfNull(microseconds);
        if (microseconds.TotalCount == 0)
        {
            return new LatencySummary(0, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        return new LatencySummary(
            microseconds.TotalCount,
            Ms(microseconds.GetValueAtPercentile(50)),
            Ms(microseconds.GetValueAtPercentile(90)),
            Ms(microseconds.GetValueAtPercentile(99)),
            Ms(microseconds.GetMaxValue()));
    }

    public static long Microseconds(long stopwatchTicks) => stopwatchTicks * 1_000_000 / System.Diagnostics.Stopwatch.Frequency;

    private static double Ms(long microseconds) => microseconds / 1000.0;
}
