using HotReloadProxy.Configuration;
using HotReloadProxy.Configuration.Model;
using HotReloadProxy.Configuration.Validation;
using HotReloadProxy.Forwarding;
using HotReloadProxy.Reload;
using HotReloadProxy.Snapshots;
using HotReloadProxy.Testing.Configs;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace HotReloadProxy.Testing.Engine;

/// <summary>
/// The reload engine and scheduler over a fake clock and an in-memory file: no real timers, no real files.
/// Functional tests script it step by step; the property suite drives it with generated operation sequences.
/// </summary>
internal sealed class EngineRig : IDisposable
{
    /// <summary>Small enough that an oversized file is cheap to produce in a test.</summary>
    public const long DefaultMaxConfigBytes = 64 * 1024;

    /// <summary>Starts serving <see cref="TestConfigs.Versioned"/> of <paramref name="initialVersion"/> as generation 1.</summary>
    public EngineRig(string initialVersion, TimeSpan? quietWindow = null)
        : this(TestConfigs.Versioned(initialVersion), quietWindow)
    {
    }

    /// <summary>Starts serving <paramref name="initial"/> as generation 1.</summary>
    public EngineRig(ProxyConfig initial, TimeSpan? quietWindow = null, long maxConfigBytes = DefaultMaxConfigBytes)
    {
        File = new InMemoryConfigFile(Time);
        File.Write(ConfigJsonWriter.ToUtf8(initial));
        Engine = new ReloadEngine(File, new ConfigValidator(), new SnapshotCompiler(new SocketsInvokerFactory(), new ForwardingOptions()), Holder,
            Notifier, metrics: null, Time, new FakeLogger<ReloadEngine>(Logs), new ReloadEngineOptions { MaxConfigBytes = maxConfigBytes });
        Scheduler = new ReloadScheduler(Engine, Time, new ReloadSchedulerOptions { QuietWindow = quietWindow ?? TimeSpan.FromMilliseconds(20) },
            new FakeLogger<ReloadScheduler>(Logs));
        Notifier.Reloaded += (_, outcome) => Outcomes.Add(outcome);
        InitialSha256 = Engine.LoadInitial().Sha256;
        Outcomes.Clear();
        Logs.Clear();
        File.Reads = 0;
    }

    public FakeTimeProvider Time { get; } = new();

    /// <summary>What the engine and scheduler logged since the initial load, at every level.</summary>
    public FakeLogCollector Logs { get; } = new();

    public InMemoryConfigFile File { get; }

    public SnapshotHolder Holder { get; } = new();

    public ReloadNotifier Notifier { get; } = new();

    public ReloadEngine Engine { get; }

    public ReloadScheduler Scheduler { get; }

    /// <summary>Every outcome published since the initial load, oldest first.</summary>
    public List<ReloadOutcome> Outcomes { get; } = [];

    public ConfigSnapshot Current => Holder.Current!;

    /// <summary>The SHA-256 of generation 1.</summary>
    public string InitialSha256 { get; }

    /// <summary>The body of the <c>/version</c> route of the serving config (see <see cref="TestConfigs.Versioned"/>).</summary>
    public string ServedVersion => Current.Config.Routes.Single(r => r.Id == "version").Respond!.Body!;

    public void WriteVersion(string version) => File.Write(TestConfigs.Versioned(version).ToJson());

    /// <summary>What the file watcher reports when the file changes.</summary>
    public void FileEvent() => Scheduler.Notify(new ReloadReason(ReloadReasonKind.FileEvent, "test"));

    /// <summary>Advances the fake clock one quiet window at a time: a timer re-armed inside a callback fires only on a later advance.</summary>
    public void AdvanceWindows(int windows, TimeSpan window)
    {
        for (var i = 0; i < windows; i++)
        {
            Time.Advance(window);
        }
    }

    /// <summary>
    /// Advances the clock in quiet-window steps until every pending pass and write-in-progress retry has run:
    /// the longest the scheduler can keep work pending is the maximum delay plus one window per retry.
    /// </summary>
    public void Settle()
    {
        var options = Scheduler.Options;
        var windows = (int)(options.MaxDelay / options.QuietWindow) + options.WriteInProgressRetries + 2;
        AdvanceWindows(windows, options.QuietWindow);
    }

    public void Dispose() => Scheduler.Dispose();
}
