using HotReloadProxy.Configuration.Diff;
using HotReloadProxy.Configuration.Parsing;

namespace HotReloadProxy.Reload;

internal enum ReloadResult
{
    Applied,
    Unchanged,
    Rejected,
}

/// <summary>Why a file was rejected; the "once per distinct condition" warning keys on it with the content hash.</summary>
internal enum RejectionReason
{
    None,
    Missing,
    Empty,
    Syntax,
    Invalid,
    TooLarge,
    IsDirectory,
    Unreadable,
    RestartRequired,
}

/// <summary>What one reload attempt did. Published to subscribers, /status, logs and metrics.</summary>
internal sealed record ReloadOutcome
{
    public required ReloadResult Result { get; init; }

    /// <summary>Why this attempt ran (a file event, a poll, SIGHUP, POST /reload, a retry...).</summary>
    public required ReloadReason ReloadReason { get; init; }

    public required DateTimeOffset At { get; init; }

    /// <summary>The generation serving after this attempt (the new one when applied).</summary>
    public required long Generation { get; init; }

    /// <summary>SHA-256 of the bytes read, when the file could be read.</summary>
    public string? Sha256 { get; init; }

    public RejectionReason Reason { get; init; }

    public IReadOnlyList<ConfigError> Errors { get; init; } = [];

    public ConfigDiff? Diff { get; init; }

    /// <summary>From the start of the attempt to the swap when applied (the diff is worked out after it), else to the verdict.</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>
    /// When the new snapshot was swapped in, as a <see cref="TimeProvider.GetTimestamp"/> of the engine's clock (the
    /// system clock's is <see cref="System.Diagnostics.Stopwatch.GetTimestamp"/>); 0 unless applied. Lets a benchmark
    /// time a change from its write to the swap, without the diff and the publishing that follow it.
    /// </summary>
    public long SwappedAtTimestamp { get; init; }

    public string ResultName => Result.ToString().ToLowerInvariant();
}
