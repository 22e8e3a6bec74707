namespace HotReload.Conformance.Checking;

/// <summary>The rules a scenario can break, as they appear in reports.</summary>
public static class Rules
{
    public const string Failed = "failed";
    public const string Stale = "stale";
    public const string Torn = "torn";
    public const string RejectedGeneration = "rejected-generation";
    public const string UnknownGeneration = "unknown-generation";
    public const string NotConverged = "not-converged";
    public const string StaleAfterAck = "stale-after-ack";
    public const string ReloadNotObserved = "reload-not-observed";
    public const string NewGenerationWithoutChange = "new-generation-without-change";
    public const string StreamBroken = "stream-broken";
    public const string WebSocketBroken = "websocket-broken";
    public const string DrainExceeded = "drain-exceeded";

    /// <summary>The order columns and counts are shown in.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        Failed, Stale, Torn, RejectedGeneration, StaleAfterAck, UnknownGeneration, NotConverged,
        ReloadNotObserved, NewGenerationWithoutChange, StreamBroken, WebSocketBroken, DrainExceeded,
    ];
}

/// <summary>One violation: which rule, when (ms since the scenario's load started), which client, and why.</summary>
public sealed record Finding(string Rule, double? AtMs, int? Client, string Detail);
