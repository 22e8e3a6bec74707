using HotReloadProxy.Snapshots;

namespace HotReloadProxy.Forwarding;

/// <summary>Which snapshot is serving this request, for code that runs later in the same request.</summary>
public sealed record ServingSnapshotFeature(ConfigSnapshot Snapshot);
