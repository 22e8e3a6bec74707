using HotReload.Benchmarks.Shared;

namespace HotReload.Benchmarks.ReloadLatency;

/// <summary>What one target did under the storm.</summary>
internal sealed record StormResult
{
    public required string Target { get; init; }

    /// <summary>How each version was put in place (<see cref="StormEdits.Name"/>).</summary>
    public required string Edit { get; init; }

    public required int Clients { get; init; }

    public required int Reloads { get; init; }

    public required string BadFileWindow { get; init; }

    /// <summary>Edit -> first response carrying the new version, over every reload whose version was seen.</summary>
    public required LatencySummary Latency { get; init; }

    /// <summary>Each request's own latency during the storm: the floor under <see cref="Latency"/>.</summary>
    public required LatencySummary RequestLatency { get; init; }

    /// <summary>The proxy's own read-to-swap time per applied reload; null for a proxy that does not report it.</summary>
    public required LatencySummary? EngineDuration { get; init; }

    /// <summary>From the write to the swap of the new snapshot (null when the target cannot say): the proxy's part of <see cref="Latency"/>.</summary>
    public required LatencySummary? WriteToSwap { get; init; }

    /// <summary>Versions written but never seen in a response within the timeout.</summary>
    public required int VersionsNotSeen { get; init; }

    public required long Requests { get; init; }

    public required long FailedRequests { get; init; }

    public required long StaleResponses { get; init; }

    public required long TornResponses { get; init; }

    /// <summary>Every other history violation (unknown generation, rejected content, not converged).</summary>
    public required long OtherViolations { get; init; }

    public required double SteadyRps { get; init; }

    public required double StormRps { get; init; }

    public required double StormSeconds { get; init; }

    /// <summary>The first few violations, so a failing run explains itself.</summary>
    public required IReadOnlyList<string> SampleViolations { get; init; }
}
