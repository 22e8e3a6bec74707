using System.Globalization;

namespace HotReloadProxy.Configuration.Parsing;

/// <summary>Timeouts are written as <c>500ms</c>, <c>30s</c>, <c>2m</c> or a TimeSpan such as <c>00:00:30</c>.</summary>
internal static class Durations
{
    public static bool TryParse(string text, out TimeSpan value)
    {
        ArgumentNullException.ThrowIfNull(text);
        value = default;
        var trimmed = text.Trim();
        (string Suffix, long Scale)[] units = [("ms", 1), ("s", 1000), ("m", 60_000)];
        foreach (var (suffix, scale) in units)
        {
            // Whole amounts are converted in integers: a double holds tick counts exactly only up to 2^53
            // (about 28 years), so "825536389516119ms", which the writer produces, would come back a few ticks off.
            if (trimmed.EndsWith(suffix, StringComparison.Ordinal) &&
                long.TryParse(trimmed[..^suffix.Length], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole) &&
                TryMultiply(whole, scale * TimeSpan.TicksPerMillisecond, out var ticks))
            {
                value = TimeSpan.FromTicks(ticks);
                return true;
            }

            if (trimmed.EndsWith(suffix, StringComparison.Ordinal) &&
                double.TryParse(trimmed[..^suffix.Length], NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) &&
                double.IsFinite(amount) && Math.Abs(amount * scale) < TimeSpan.MaxValue.TotalMilliseconds)
            {
                value = TimeSpan.FromMilliseconds(amount * scale);
                return true;
            }
        }

        return trimmed.Contains(':', StringComparison.Ordinal) &&
               TimeSpan.TryParse(trimmed, CultureInfo.InvariantCulture, out value);
    }

    private static bool TryMultiply(long a, long b, out long product)
    {
        var exact = (Int128)a * b;
        product = (long)exact;
        return exact >= long.MinValue && exact <= long.MaxValue;
    }

    /// <summary>
    /// The canonical text written back by the serializer: whole milliseconds when the value is a whole
    /// number of them, otherwise the exact TimeSpan text (<c>hh:mm:ss.fffffff</c>), so parsing it back
    /// gives the same value to the tick.
    /// </summary>
    public static string Format(TimeSpan value) =>
        value.Ticks % TimeSpan.TicksPerMillisecond == 0
            ? (value.Ticks / TimeSpan.TicksPerMillisecond).ToString(CultureInfo.InvariantCulture) + "ms"
            : value.ToString("c", CultureInfo.InvariantCulture);
}
