namespace HotReloadProxy.Reload;

internal sealed record ReloadCounts(long Applied, long Unchanged, long Rejected)
{
    public static ReloadCounts Zero { get; } = new(0, 0, 0);

    public ReloadCounts Add(ReloadResult result) => result switch
    {
        ReloadResult.Applied => this with { Applied = Applied + 1 },
        ReloadResult.Unchanged => this with { Unchanged = Unchanged + 1 },
        _ => this with { Rejected = Rejected + 1 },
    };
}

/// <summary>The engine's state as /status shows it; replaced whole after each attempt, never mutated.</summary>
internal sealed record ReloadStatus
{
    public required long Generation { get; init; }

    public required string Sha256 { get; init; }

    public required DateTimeOffset LoadedAt { get; init; }

    public required string Source { get; init; }

    public required bool UsingEmbeddedDefault { get; init; }

    public required string Mode { get; init; }

    public ReloadOutcome? LastAttempt { get; init; }

    public ReloadCounts Counts { get; init; } = ReloadCounts.Zero;
}
