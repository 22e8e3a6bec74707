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

    public TimeSpan Duration { get; init; }

    public string ResultName => Result.ToString().ToLowerInvariant();
}
