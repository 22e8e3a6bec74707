namespace HotReload.Testing.Load;

/// <summary>What a correct history must agree with; built from what the test wrote and what the proxy reported.</summary>
public sealed record HistoryExpectations
{
    /// <summary>Every generation the proxy served during the run: the one at the start and each one applied since.</summary>
    public required IReadOnlySet<long> ValidGenerations { get; init; }

    /// <summary>Versions that were only ever written in files the proxy must reject.</summary>
    public IReadOnlySet<string> RejectedVersions { get; init; } = new HashSet<string>();

    /// <summary>The version of the last valid content written; with <see cref="QuietSince"/>, what must be served once the file is quiet.</summary>
    public string? FinalVersion { get; init; }

    /// <summary>A <see cref="LoadRecorder.Now"/> timestamp after which the file no longer changed and the last reload had completed.</summary>
    public long? QuietSince { get; init; }

    /// <summary>The only status a request may answer with.</summary>
    public int ExpectedStatus { get; init; } = 200;
}
