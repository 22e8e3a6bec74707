namespace HotReload.Testing;

/// <summary>
/// How long the harness waits before it gives up with a clear message. Generous by default, because a loaded
/// CI machine is slow and a timeout is a failure, not a measurement; pass your own to any harness type.
/// </summary>
public sealed record HarnessTimeouts
{
    /// <summary>The defaults: 15 s for a reload or for load to flow, 30 s for a process to start.</summary>
    public static HarnessTimeouts Default { get; } = new();

    /// <summary>How long to wait for a reload outcome after a change. Default 15 s.</summary>
    public TimeSpan Reload { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How long to wait for recorded requests to reach a count. Default 15 s.</summary>
    public TimeSpan Load { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How long to wait for a service under test to start listening. Default 30 s.</summary>
    public TimeSpan Startup { get; init; } = TimeSpan.FromSeconds(30);
}
