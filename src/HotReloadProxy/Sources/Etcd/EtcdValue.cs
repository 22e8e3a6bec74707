namespace HotReloadProxy.Sources.Etcd;

/// <summary>The key as last seen: its bytes (null when the key does not exist) and the revision that wrote them.</summary>
internal sealed record EtcdValue(byte[]? Bytes, long ModRevision);

/// <summary>The etcd source as /status shows it; replaced whole, never mutated.</summary>
internal sealed record EtcdState
{
    public bool Connected { get; init; }

    public string? Endpoint { get; init; }

    /// <summary>The last revision the watch has seen; a reconnect resumes the watch right after it.</summary>
    public long WatchRevision { get; init; }

    public long LatestModRevision { get; init; }

    public long AppliedModRevision { get; init; }

    public long Reconnects { get; init; }

    public long Compactions { get; init; }

    public string? LastError { get; init; }
}
