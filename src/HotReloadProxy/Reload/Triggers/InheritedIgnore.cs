namespace HotReloadProxy.Reload.Triggers;

/// <summary>Reads the process's ignored-signal mask, which Linux shows in /proc/self/status.</summary>
internal static class InheritedIgnore
{
    private const int SignalHangup = 1;

    public static bool IsHangupIgnored(string statusPath = "/proc/self/status")
    {
        if (!OperatingSystem.IsLinux() || !File.Exists(statusPath))
        {
            return false;
        }

        foreach (var line in File.ReadLines(statusPath))
        {
            // "SigIgn:\t0000000000000001": a hex mask in which bit n-1 stands for signal n.
            if (line.StartsWith("SigIgn:", StringComparison.Ordinal) &&
                ulong.TryParse(line.AsSpan(7).Trim(), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out var mask))
            {
                return (mask & (1UL << (SignalHangup - 1))) != 0;
            }
        }

        return false;
    }
}
