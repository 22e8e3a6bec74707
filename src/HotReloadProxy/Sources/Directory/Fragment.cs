using HotReloadProxy.Configuration.Model;
using HotReloadProxy.Configuration.Parsing;

namespace HotReloadProxy.Sources.Directory;

/// <summary>One parsed fragment file: its routes and clusters, and where each came from in that file.</summary>
internal sealed record Fragment(string Name, string Sha256, ProxyConfig Config, SourceMap Positions);

/// <summary>What one file in the directory gave on this pass: a parsed fragment, or the errors that kept it from parsing, or nothing (gone).</summary>
internal sealed record FragmentRead(string Name, string? Sha256, Fragment? Parsed, IReadOnlyList<ConfigError> Errors)
{
    public static FragmentRead Gone(string name) => new(name, null, null, []);

    public bool IsGone => Sha256 is null && Parsed is null && Errors.Count == 0;
}

internal enum FragmentState
{
    /// <summary>The file's current content is part of the serving config.</summary>
    Applied,

    /// <summary>The current content is broken (or the file is gone for less than the delete grace); its last good content keeps serving.</summary>
    KeptLastGood,

    /// <summary>The current content is valid in itself but needs a cluster that only a broken or missing file defines; it waits for that file.</summary>
    HeldBack,

    /// <summary>The current content is broken and there is no last good content: nothing from this file serves.</summary>
    Rejected,
}

/// <summary>One file as /status shows it.</summary>
internal sealed record FragmentReport(string Name, string? Sha256, FragmentState State, string? ServingSha256, IReadOnlyList<ConfigError> Errors)
{
    public string StateName => State switch
    {
        FragmentState.Applied => "applied",
        FragmentState.KeptLastGood => "kept last good",
        FragmentState.HeldBack => "held back",
        _ => "rejected",
    };
}
