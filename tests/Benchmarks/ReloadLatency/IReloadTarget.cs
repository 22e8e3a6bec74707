using HotReload.Benchmarks.Shared;
using HotReload.Testing.Load;
using HotReload.Testing.Observing;

namespace HotReload.Benchmarks.ReloadLatency;

/// <summary>A proxy that serves /echo/{**rest} from a watched config file, as the reload storm needs it.</summary>
internal interface IReloadTarget : IAsyncDisposable
{
    string Name { get; }

    Uri PublicAddress { get; }

    /// <summary>How the storm waits after a broken or deleted file, so the report can say it.</summary>
    string BadFileWindow { get; }

    /// <summary>Valid config content whose /echo route sets <paramref name="version"/> on request and response.</summary>
    string ValidContent(string version);

    /// <summary>Malformed content: what a half-written file looks like.</summary>
    string BrokenContent(string version);

    /// <summary>Call before a bad edit; pass the result to <see cref="WaitAfterBadFileAsync"/>.</summary>
    ReloadMark? Mark();

    /// <summary>Returns once the proxy has had the chance to notice the broken or missing file.</summary>
    Task WaitAfterBadFileAsync(ReloadMark? mark, bool deleted);

    /// <summary>The proxy's own time per applied reload (read to swap), when it reports one.</summary>
    LatencySummary? EngineDurations();

    /// <summary>
    /// When the first config applied at or after <paramref name="writeTimestamp"/> was swapped in (a
    /// <see cref="System.Diagnostics.Stopwatch"/> timestamp), when the proxy can say; null otherwise.
    /// </summary>
    long? SwappedAfter(long writeTimestamp);

    /// <summary>Judges the history: failed, stale, torn and rejected-content responses.</summary>
    HistoryReport Check(IReadOnlyList<RequestRecord> history, string finalVersion, long quietSince, IReadOnlyCollection<string> writtenVersions);
}
