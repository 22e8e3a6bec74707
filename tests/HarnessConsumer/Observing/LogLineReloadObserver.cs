using HotReload.Testing.Observing;

namespace HotReload.HarnessConsumer.Tests.Observing;

/// <summary>
/// The consumer's own <see cref="IReloadObserver{TOutcome}"/>: it reads the service's log lines. Give
/// <see cref="OnLogLine"/> to the service as its log sink; lines that are not about reloads are ignored.
/// </summary>
internal sealed class LogLineReloadObserver : IReloadObserver<ReloadLine>
{
    private readonly RecordingReloadObserver<ReloadLine> _lines = new();

    public IReadOnlyList<ReloadLine> Reloads => _lines.Outcomes;

    public void OnLogLine(string line)
    {
        if (ReloadLine.Parse(line) is { } reload)
        {
            _lines.Record(reload);
        }
    }

    /// <summary>Every generation that served: the first, and each one a line says was applied.</summary>
    public IReadOnlySet<long> ServedGenerations() => _lines.Outcomes.Where(l => l.Applied).Select(l => l.Generation).Append(1).ToHashSet();

    public ReloadMark Mark() => _lines.Mark();

    public Task<ReloadLine> WaitAsync(ReloadMark mark, Func<ReloadLine, bool> predicate, string description, CancellationToken cancellationToken = default) =>
        _lines.WaitAsync(mark, predicate, description, cancellationToken);

    public Task<ReloadLine> WaitForAppliedAsync(ReloadMark mark, string version, CancellationToken cancellationToken = default) =>
        WaitAsync(mark, l => l.Applied && l.Version == version, $"version {version} applied", cancellationToken);

    public Task<ReloadLine> WaitForRejectedAsync(ReloadMark mark, CancellationToken cancellationToken = default) =>
        WaitAsync(mark, l => !l.Applied, "a rejected reload", cancellationToken);
}
