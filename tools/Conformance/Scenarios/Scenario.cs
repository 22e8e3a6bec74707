namespace HotReload.Conformance.Scenarios;

/// <summary>How the config file is laid out for a scenario.</summary>
public enum ConfigLayout
{
    PlainFile,

    /// <summary>The Kubernetes ConfigMap volume layout: the file is a symlink through <c>..data</c>.</summary>
    ConfigMap,
}

/// <summary>One row of the matrix, named after its requirement id.</summary>
/// <param name="Key">The short name used by <c>--scenarios</c>.</param>
internal sealed record Scenario(string Key, string RequirementId, string Title, Func<ScenarioContext, bool, Task> RunAsync)
{
    public ConfigLayout Layout { get; init; } = ConfigLayout.PlainFile;

    /// <summary>Whether the template's {{#drainRoute}} block is on when the proxy starts.</summary>
    public bool StartsWithDrainRoute { get; init; }
}
