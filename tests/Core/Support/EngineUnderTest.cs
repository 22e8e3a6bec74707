using HotReloadProxy.Configuration.Validation;
using HotReloadProxy.Forwarding;
using HotReloadProxy.Reload;
using HotReloadProxy.Snapshots;
using HotReloadProxy.Testing.Configs;
using HotReloadProxy.Testing.Engine;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace HotReload.Core.Tests.Support;

/// <summary>
/// A reload engine over an in-memory file, built but not loaded: unlike <see cref="EngineRig"/> the file may start
/// missing, the embedded default may be allowed, and the clock may be any <see cref="TimeProvider"/>.
/// </summary>
internal sealed class EngineUnderTest
{
    public EngineUnderTest(TimeProvider? time = null, ReloadEngineOptions? options = null)
    {
        Time = time ?? new FakeTimeProvider();
        File = new InMemoryConfigFile(Time);
        Engine = new ReloadEngine(File, new ConfigValidator(), new SnapshotCompiler(new SocketsInvokerFactory(), new ForwardingOptions()),
            Holder, Notifier, metrics: null, Time, new FakeLogger<ReloadEngine>(Logs), options ?? new ReloadEngineOptions());
        Notifier.Reloaded += (_, outcome) => Outcomes.Add(outcome);
    }

    public TimeProvider Time { get; }

    public FakeLogCollector Logs { get; } = new();

    public InMemoryConfigFile File { get; }

    public SnapshotHolder Holder { get; } = new();

    public ReloadNotifier Notifier { get; } = new();

    public ReloadEngine Engine { get; }

    public List<ReloadOutcome> Outcomes { get; } = [];

    public ReloadStatus Status => Engine.Status!;

    /// <summary>The body of the <c>/version</c> route of the serving config.</summary>
    public string ServedVersion => Holder.Current!.Config.Routes.Single(r => r.Id == "version").Respond!.Body!;

    /// <summary>Writes <see cref="TestConfigs.Versioned"/> of <paramref name="version"/> and loads it as generation 1.</summary>
    public static EngineUnderTest Loaded(string version, TimeProvider? time = null)
    {
        var under = new EngineUnderTest(time);
        under.WriteVersion(version);
        under.Engine.LoadInitial();
        under.Outcomes.Clear();
        under.Logs.Clear();
        under.File.Reads = 0;
        return under;
    }

    public void WriteVersion(string version) => File.Write(TestConfigs.Versioned(version).ToJson());

    public ReloadScheduler Scheduler(TimeProvider time, TimeSpan quietWindow) =>
        new(Engine, time, new ReloadSchedulerOptions { QuietWindow = quietWindow }, new FakeLogger<ReloadScheduler>(Logs));

    /// <summary>The log records with this event id, oldest first.</summary>
    public IReadOnlyList<FakeLogRecord> Events(int eventId) => [.. Logs.GetSnapshot().Where(r => r.Id.Id == eventId)];

    /// <summary>A structured value of a log record, as the logger received it.</summary>
    public static string? Value(FakeLogRecord record, string name) => record.StructuredState!.Single(p => p.Key == name).Value;

    public static LogLevel Level(FakeLogRecord record) => record.Level;
}
