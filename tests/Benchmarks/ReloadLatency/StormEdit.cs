using HotReload.Testing.Files;

namespace HotReload.Benchmarks.ReloadLatency;

/// <summary>
/// How the storm puts each version in place, so the report shows the latency per kind of edit: renames are
/// whole when seen and need no quiet window; an in-place write may still be in progress and keeps one.
/// </summary>
internal enum StormEditKind
{
    /// <summary>Temp file renamed over the config (safe-write editors, deploy tools).</summary>
    Rename,

    /// <summary>Kubelet's ConfigMap update: a new timestamped directory, then a rename over <c>..data</c>.</summary>
    ConfigMap,

    /// <summary>Truncate and write in place in one write (<c>cp</c>, <c>echo &gt;</c> of a small file).</summary>
    InPlace,
}

internal static class StormEdits
{
    public static string Name(StormEditKind kind) => kind switch
    {
        StormEditKind.Rename => "rename",
        StormEditKind.ConfigMap => "configmap",
        _ => "inplace",
    };

    public static readonly string[] Names = ["rename", "configmap", "inplace"];

    public static StormEditKind Parse(string name) => name switch
    {
        "rename" => StormEditKind.Rename,
        "configmap" => StormEditKind.ConfigMap,
        _ => StormEditKind.InPlace,
    };

    /// <summary>A ConfigMap volume's file starts as a placeholder; the target then writes its first version through the link.</summary>
    public static ConfigFileEditor CreateEditor(StormEditKind kind, TempDirectory directory) =>
        kind == StormEditKind.ConfigMap
            ? ConfigFileEditor.CreateConfigMap(directory.File("conf"), "proxy.json", "{}")
            : ConfigFileEditor.For(directory.NestedFile("proxy.json"));

    public static FileEdit Write(StormEditKind kind, string content) => kind switch
    {
        StormEditKind.Rename => new FileEdit.AtomicReplace(content),
        StormEditKind.ConfigMap => new FileEdit.ConfigMapSwap(content),
        _ => new FileEdit.InPlaceRewrite(content, Chunks: 1, GapMilliseconds: 0),
    };

    /// <summary>The broken file the storm puts in before every 5th version: renamed in, or swapped in on a ConfigMap.</summary>
    public static FileEdit Broken(StormEditKind kind, string content) =>
        kind == StormEditKind.ConfigMap ? new FileEdit.ConfigMapSwap(content) : new FileEdit.AtomicReplace(content);

    /// <summary>A ConfigMap volume cannot lose its file (kubelet only swaps <c>..data</c>).</summary>
    public static bool CanDelete(StormEditKind kind) => kind != StormEditKind.ConfigMap;
}
