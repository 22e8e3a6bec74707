using System.Diagnostics;

namespace HotReload.Conformance.Probing;

/// <summary>One monotonic clock for every record, edit and acknowledgement (the harness's <c>LoadRecorder.Now</c> clock).</summary>
internal static class Clock
{
    public static long Now() => Stopwatch.GetTimestamp();

    public static long Ticks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);

    public static double Milliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
