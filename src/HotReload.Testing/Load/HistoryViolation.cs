namespace HotReload.Testing.Load;

/// <summary>What is wrong with a response, or with a whole history.</summary>
public enum ViolationKind
{
    /// <summary>The request did not complete, or answered with another status than expected.</summary>
    Failed,

    /// <summary>The response names a generation the proxy never applied, or none.</summary>
    UnknownGeneration,

    /// <summary>One request saw two configs (header and content disagree), or one generation served two contents.</summary>
    Torn,

    /// <summary>The response came from content the proxy should have rejected.</summary>
    RejectedContent,

    /// <summary>A request that started after generation g had been served returned an older generation.</summary>
    Stale,

    /// <summary>Once the file was quiet, the served content was not the last valid one (or nothing was served).</summary>
    NotConverged,
}

/// <summary>One thing wrong with a history; <see cref="Request"/> is null when the violation is about the whole run.</summary>
/// <param name="Kind">What is wrong.</param>
/// <param name="Request">The request it is wrong about, or null.</param>
/// <param name="Detail">What was seen and what was expected.</param>
public sealed record HistoryViolation(ViolationKind Kind, RequestRecord? Request, string Detail)
{
    /// <summary>The kind, the detail and the request.</summary>
    /// <returns>The violation as text.</returns>
    public override string ToString() => $"{Kind}: {Detail}{(Request is null ? "" : $" ({Request})")}";
}
