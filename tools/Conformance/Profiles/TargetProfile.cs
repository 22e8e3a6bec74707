namespace HotReload.Conformance.Profiles;

/// <summary>
/// Everything the runner needs to know about one proxy under test, read from a JSON file. Strings may hold
/// placeholders (<see cref="Placeholders"/>) filled in per scenario.
/// </summary>
public sealed record TargetProfile
{
    public required string Name { get; init; }

    public string Description { get; init; } = "";

    /// <summary>How to start the proxy; null when a launcher is given in code (the runner's own tests).</summary>
    public StartSpec? Start { get; init; }

    public required ConfigSpec Config { get; init; }

    public RequestSpec Requests { get; init; } = new();

    public ReloadSpec Reload { get; init; } = new();

    /// <summary>How the proxy says a reload was applied; null for proxies that cannot say.</summary>
    public AcknowledgeSpec? Acknowledge { get; init; }

    /// <summary>
    /// How long a connection on a removed route may outlive the reload; null when the target states no bound
    /// (then the drain scenario only measures).
    /// </summary>
    public int? DrainBoundMs { get; init; }

    /// <summary>
    /// Without an acknowledgement, how long a rejected or unchanged file is left in place before the next step,
    /// so a polling or signalled proxy has surely looked at it.
    /// </summary>
    public int SettleMs { get; init; } = 1500;

    /// <summary>How long a valid change may take to be acknowledged and served before it counts as never observed.</summary>
    public int ApplyTimeoutMs { get; init; } = 15_000;

    /// <summary>The response header (and forwarded request header) carrying the config's version.</summary>
    public string VersionHeader { get; init; } = "X-Config-Version";

    /// <summary>The directory the profile file is in; relative paths and {{profileDir}} resolve against it.</summary>
    public string ProfileDirectory { get; init; } = Directory.GetCurrentDirectory();
}

public sealed record StartSpec
{
    public required string Command { get; init; }

    public IReadOnlyList<string> Args { get; init; } = [];

    public IReadOnlyDictionary<string, string> Env { get; init; } = new Dictionary<string, string>();

    /// <summary>Working directory; default the scenario's own temp directory.</summary>
    public string? WorkingDir { get; init; }

    /// <summary>Polled until it answers 200; default the probe path on the listen port.</summary>
    public string? ReadyUrl { get; init; }

    public int ReadyTimeoutSeconds { get; init; } = 30;
}

public sealed record ConfigSpec
{
    /// <summary>The config file's name inside the scenario's config directory.</summary>
    public required string FileName { get; init; }

    /// <summary>The template inline; or <see cref="TemplateFile"/>.</summary>
    public string? Template { get; init; }

    /// <summary>A template file, relative to the profile.</summary>
    public string? TemplateFile { get; init; }

    /// <summary>Appended to a valid rendering to make a file the proxy must reject.</summary>
    public string BrokenSuffix { get; init; } = "\n}}}{{{ this line is not valid config\n";
}

public sealed record RequestSpec
{
    /// <summary>The path every load client requests; the upstream echoes it as JSON.</summary>
    public string Path { get; init; } = "/echo/probe";

    /// <summary>A path whose last segment is <c>stream</c> on a route that never changes shape.</summary>
    public string StreamPath { get; init; } = "/echo/stream";

    /// <summary>A WebSocket path (last segment <c>ws</c>) on a route that never changes shape.</summary>
    public string WebSocketPath { get; init; } = "/echo/ws";

    /// <summary>A streaming path on the route the template only has while {{#drainRoute}} is on.</summary>
    public string DrainPath { get; init; } = "/drain/stream";
}

public enum ReloadKind
{
    /// <summary>The proxy watches the file; the runner only edits it.</summary>
    Watch,

    /// <summary>The runner runs a command after each edit (e.g. <c>nginx -s reload</c>).</summary>
    Command,

    /// <summary>The runner sends a signal to the started process (e.g. HUP, USR2).</summary>
    Signal,

    /// <summary>The runner calls a URL (e.g. POST /reload).</summary>
    Http,
}

public sealed record ReloadSpec
{
    public ReloadKind Kind { get; init; } = ReloadKind.Watch;

    public string? Command { get; init; }

    public IReadOnlyList<string> Args { get; init; } = [];

    public string Signal { get; init; } = "HUP";

    public string? Url { get; init; }

    public string Method { get; init; } = "POST";
}

public sealed record AcknowledgeSpec
{
    /// <summary>A JSON document with the applied generation, e.g. HotReload's admin <c>/status</c>.</summary>
    public required string Url { get; init; }

    /// <summary>Dotted path of the generation number in that document.</summary>
    public string GenerationPath { get; init; } = "generation";

    /// <summary>Dotted paths of counters whose sum grows with every reload attempt, whatever its outcome.</summary>
    public IReadOnlyList<string> AttemptPaths { get; init; } = [];
}
