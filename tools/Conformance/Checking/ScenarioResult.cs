namespace HotReload.Conformance.Checking;

public enum ScenarioOutcome
{
    Passed,
    Violated,

    /// <summary>The scenario could not run (the proxy did not start, or never served the first version).</summary>
    Error,
}

/// <summary>The verdict on one scenario against one target.</summary>
public sealed record ScenarioResult
{
    public required string Key { get; init; }

    public required string RequirementId { get; init; }

    public required string Title { get; init; }

    public required ScenarioOutcome Outcome { get; init; }

    public int Requests { get; init; }

    /// <summary>Violations per rule (<see cref="Rules"/>); rules with none are left out.</summary>
    public IReadOnlyDictionary<string, int> Counts { get; init; } = new Dictionary<string, int>();

    public Latency? Latency { get; init; }

    /// <summary>The first violations in time order, at most a few per rule.</summary>
    public IReadOnlyList<Finding> FirstFindings { get; init; } = [];

    public IReadOnlyList<string> Notes { get; init; } = [];

    public double DurationMs { get; init; }

    public Timeline? Timeline { get; init; }

    public int Count(string rule) => Counts.TryGetValue(rule, out var n) ? n : 0;
}

/// <summary>Write to first response of the new version, over every measured write of a scenario.</summary>
public sealed record Latency(int Samples, double P50Ms, double P99Ms, double MaxMs)
{
    public static Latency? Of(IReadOnlyCollection<double> samples)
    {
        if (samples.Count == 0)
        {
            return null;
        }

        var sorted = samples.Order().ToArray();
        return new Latency(sorted.Length, Percentile(sorted, 0.50), Percentile(sorted, 0.99), sorted[^1]);
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}

/// <summary>What the HTML page draws: per client, runs of consecutive requests that served the same version.</summary>
public sealed record Timeline(double DurationMs, int Clients, IReadOnlyList<Segment> Segments, IReadOnlyList<TimelineMark> Marks);

/// <param name="Version">The version served; null for failed requests.</param>
/// <param name="Violated">Some request in the run broke a rule.</param>
public sealed record Segment(int Client, double StartMs, double EndMs, long? Version, bool Violated, int Requests);

public sealed record TimelineMark(double AtMs, string Label);

/// <summary>One run of the matrix against one target.</summary>
public sealed record RunResult
{
    public required string Target { get; init; }

    public string Description { get; init; } = "";

    public required DateTimeOffset StartedAt { get; init; }

    public required string Machine { get; init; }

    public bool Quick { get; init; }

    public int Clients { get; init; }

    public IReadOnlyList<ScenarioResult> Scenarios { get; init; } = [];

    public bool Conformant => Scenarios.All(s => s.Outcome == ScenarioOutcome.Passed);
}
