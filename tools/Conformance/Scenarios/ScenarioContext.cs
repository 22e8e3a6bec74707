using HotReload.Conformance.Checking;
using HotReload.Conformance.Probing;
using HotReload.Conformance.Profiles;
using HotReload.Conformance.Targets;
using HotReload.Testing.Files;

namespace HotReload.Conformance.Scenarios;

/// <summary>
/// What a scenario's steps work with: the file, the reload trigger, the acknowledgement and the load. Every
/// version the runner writes is the next integer, so "newer" is plain comparison; the steps record what they
/// wrote and what the proxy acknowledged, and the checks run on that afterwards.
/// </summary>
internal sealed class ScenarioContext
{
    private readonly string _template;
    private readonly TargetProfile _profile;
    private readonly IReadOnlyDictionary<string, string> _values;
    private readonly ReloadTrigger _trigger;
    private readonly Acknowledgements? _acknowledgements;
    private readonly HashSet<long> _unobserved = [];
    private long _nextVersion = 1;

    public ScenarioContext(TargetProfile profile, string template, IReadOnlyDictionary<string, string> values, ConfigFileEditor editor,
        ReloadTrigger trigger, Acknowledgements? acknowledgements, ProbeRecorder recorder, Uri baseAddress, int clients, CancellationToken cancellationToken)
    {
        _profile = profile;
        _template = template;
        _values = values;
        _trigger = trigger;
        _acknowledgements = acknowledgements;
        Editor = editor;
        Recorder = recorder;
        BaseAddress = baseAddress;
        Clients = clients;
        CancellationToken = cancellationToken;
        ValidVersions.Add(1);
    }

    public ConfigFileEditor Editor { get; }

    public ProbeRecorder Recorder { get; }

    public Uri BaseAddress { get; }

    public int Clients { get; }

    public CancellationToken CancellationToken { get; }

    private TimeSpan ApplyTimeout => TimeSpan.FromMilliseconds(_profile.ApplyTimeoutMs);

    public RequestSpec Requests => _profile.Requests;

    public int? DrainBoundMs => _profile.DrainBoundMs;

    /// <summary>Whether the template's {{#drainRoute}} block is rendered.</summary>
    public bool DrainRoute { get; set; }

    public long CurrentVersion { get; private set; } = 1;

    public HashSet<long> ValidVersions { get; } = [];

    public HashSet<string> RejectedVersions { get; } = [];

    public List<Mark> Marks { get; } = [];

    public List<(long Version, long At)> Acks { get; } = [];

    /// <summary>Writes whose latency counts: (version, when the write began).</summary>
    public List<(long Version, long WrittenAt)> Writes { get; } = [];

    public List<(string Rule, long? At, string Detail)> Findings { get; } = [];

    public List<string> Notes { get; } = [];

    public string Render(long version) => Placeholders.Render(_template,
        new Dictionary<string, string>(_values) { ["version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        new Dictionary<string, bool> { ["drainRoute"] = DrainRoute });

    /// <summary>Writes the next version with <paramref name="edit"/>, reloads, and waits until it is acknowledged and served.</summary>
    public async Task<long> ValidAsync(Func<string, FileEdit> edit, string label, bool awaitApplied = true, bool measure = true)
    {
        var version = ++_nextVersion;
        ValidVersions.Add(version);
        var before = await ReadAckAsync();
        var at = Clock.Now();
        await Editor.ApplyAsync(edit(Render(version)), CancellationToken);
        Marks.Add(new Mark(at, $"{label} v{version}"));
        CurrentVersion = version;
        if (measure)
        {
            Writes.Add((version, at));
        }

        await TriggerAsync();
        if (awaitApplied)
        {
            await AwaitAppliedAsync(version, at, before);
        }

        return version;
    }

    /// <summary>Waits for a version written without waiting (the end of a burst).</summary>
    public async Task AwaitServedAsync(long version, long writtenAt)
    {
        if (_unobserved.Contains(version))
        {
            return;
        }

        if (await Recorder.WaitForVersionAsync(version, ApplyTimeout, CancellationToken) is null)
        {
            _unobserved.Add(version);
            Findings.Add((Rules.ReloadNotObserved, writtenAt, $"version {version} was never served within {ApplyTimeout.TotalSeconds:0} s of its write"));
        }
    }

    /// <summary>Puts content the proxy must reject in place (broken, empty), reloads and lets the proxy look at it.</summary>
    public async Task RejectedAsync(Func<string, FileEdit> edit, string label, bool carriesVersion = true)
    {
        var version = ++_nextVersion;
        if (carriesVersion)
        {
            RejectedVersions.Add(version.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var broken = Render(version) + _profile.Config.BrokenSuffix;
        await ApplyAndSettleAsync(() => edit(broken), $"{label}{(carriesVersion ? $" v{version}" : "")}", expectNewGeneration: false);
    }

    /// <summary>An edit that leaves the content as it is (touch, rename away and back) or removes the file.</summary>
    public Task UnchangedAsync(FileEdit edit, string label) => ApplyAndSettleAsync(() => edit, label, expectNewGeneration: false);

    /// <summary>Lets the load run for a while in the current file state (a deleted file, say), so a proxy that drops routes shows it.</summary>
    public async Task HoldAsync()
    {
        await Recorder.WaitForRequestsAsync(Clients * 10, ApplyTimeout, CancellationToken);
    }

    private async Task ApplyAndSettleAsync(Func<FileEdit> edit, string label, bool expectNewGeneration)
    {
        var before = await ReadAckAsync();
        var at = Clock.Now();
        await Editor.ApplyAsync(edit(), CancellationToken);
        Marks.Add(new Mark(at, label));
        await TriggerAsync();
        await SettleAsync(before);
        var after = await ReadAckAsync();
        if (!expectNewGeneration && before is { } b && after is { } a && a.Generation != b.Generation)
        {
            Findings.Add((Rules.NewGenerationWithoutChange, at, $"{label}: generation went {b.Generation} -> {a.Generation} though no valid new content was written"));
        }

        await HoldAsync();
    }

    private async Task SettleAsync((long Generation, long Attempts)? before)
    {
        if (before is { } b && _profile.Acknowledge is { AttemptPaths.Count: > 0 })
        {
            var deadline = Clock.Now() + Clock.Ticks(TimeSpan.FromMilliseconds(_profile.SettleMs));
            while (Clock.Now() < deadline)
            {
                if (await ReadAckAsync() is { } now && now.Attempts > b.Attempts)
                {
                    return;
                }

                await Task.Delay(5, CancellationToken);
            }

            return;
        }

        // A black-box proxy cannot say it has looked at the file: leave it there for the stated settle time.
        await Task.Delay(_profile.SettleMs, CancellationToken);
    }

    private async Task AwaitAppliedAsync(long version, long writtenAt, (long Generation, long Attempts)? before)
    {
        if (before is { } b)
        {
            var deadline = Clock.Now() + Clock.Ticks(ApplyTimeout);
            while (true)
            {
                var now = await ReadAckAsync();
                if (now is { } n && n.Generation > b.Generation)
                {
                    var ackAt = Clock.Now();
                    Acks.Add((version, ackAt));
                    Marks.Add(new Mark(ackAt, $"ack gen {n.Generation}"));
                    break;
                }

                if (Clock.Now() > deadline)
                {
                    Findings.Add((Rules.ReloadNotObserved, writtenAt, $"version {version} was never acknowledged within {ApplyTimeout.TotalSeconds:0} s (generation stayed {b.Generation})"));
                    break;
                }

                await Task.Delay(2, CancellationToken);
            }
        }

        await AwaitServedAsync(version, writtenAt);
    }

    private async Task TriggerAsync()
    {
        if (await _trigger.TriggerAsync(CancellationToken) is { } note)
        {
            Notes.Add(note.Length > 300 ? note[..300] + "…" : note);
        }
    }

    private async Task<(long Generation, long Attempts)?> ReadAckAsync() =>
        _acknowledgements is null ? null : await _acknowledgements.ReadAsync(CancellationToken);
}

/// <summary>A moment worth drawing on the timeline: an edit or an acknowledgement.</summary>
internal sealed record Mark(long At, string Label);
