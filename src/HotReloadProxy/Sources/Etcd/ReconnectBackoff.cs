namespace HotReloadProxy.Sources.Etcd;

/// <summary>
/// How long the etcd source waits before its next attempt: doubling from <see cref="Initial"/>, capped at
/// <see cref="Max"/>, then spread by ±20% so a fleet of proxies does not reconnect in lockstep once etcd is back.
/// Pure: the caller supplies the random draw, so the schedule is testable and the loop owns the clock.
/// </summary>
internal sealed record ReconnectBackoff(TimeSpan Initial, TimeSpan Max)
{
    /// <summary>The spread around the capped delay: a draw of 0 gives 80% of it, a draw of 1 gives 120%.</summary>
    public const double JitterSpread = 0.2;

    /// <summary>The wait before attempt <paramref name="attempt"/> + 1 (0 = after the first failure).</summary>
    /// <param name="attempt">How many attempts have failed in a row, minus one.</param>
    /// <param name="draw">A uniform random number in [0, 1).</param>
    public TimeSpan Delay(int attempt, double draw)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(attempt);
        ArgumentOutOfRangeException.ThrowIfNegative(draw);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(draw, 1.0);

        // The exponent stops growing long before a double could overflow; the cap has long applied by then.
        var doubled = Initial.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 30));
        var capped = Math.Min(doubled, Max.TotalMilliseconds);
        var spread = 1 - JitterSpread + (draw * 2 * JitterSpread);
        return TimeSpan.FromMilliseconds(capped * spread);
    }
}
