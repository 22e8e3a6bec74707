namespace HotReload.Conformance.Running;

public sealed record RunOptions
{
    /// <summary>Scenario keys or requirement ids, comma-separated; null for all.</summary>
    public string? Scenarios { get; init; }

    /// <summary>Fewer repetitions and clients; the same checks.</summary>
    public bool Quick { get; init; }

    /// <summary>Concurrent load clients; default 8 (4 when quick).</summary>
    public int? Clients { get; init; }

    /// <summary>Where progress lines go; null for none.</summary>
    public TextWriter? Progress { get; init; }
}
