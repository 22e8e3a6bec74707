using System.Text.Json;

namespace HotReloadProxy.Sources;

/// <summary>A config source that adds its own section to /status (per-file states, etcd revisions).</summary>
internal interface IStatusSection
{
    void WriteStatus(Utf8JsonWriter writer);
}
