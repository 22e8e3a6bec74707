using System.Text;
using HotReload.Testing.Configs;
using HotReloadProxy.Configuration.Validation;
using HotReloadProxy.Forwarding;
using HotReloadProxy.Reload;
using HotReloadProxy.Snapshots;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace HotReload.Functional.Tests.Reload.Engine;

/// <summary>The reload engine and scheduler over a fake clock and an in-memory file: no real timers, no real files.</summary>
internal sealed class EngineRig : IDisposable
{
    public EngineRig(string initialVersion, TimeSpan? quietWindow = null)
    {
        File.Write(TestConfigs.Versioned(initialVersion).ToJson());
        Engine = new ReloadEngine(File, new ConfigValidator(), new SnapshotCompiler(new SocketsInvokerFactory(), new ForwardingOptions()), Holder,
            Notifier, metrics: null, Time, NullLogger<ReloadEngine>.Instance, new ReloadEngineOptions { MaxConfigBytes = 64 * 1024 });
        Scheduler = new ReloadScheduler(Engine, Time, new ReloadSchedulerOptions { QuietWindow = quietWindow ?? TimeSpan.FromMilliseconds(20) }, NullLogger<ReloadScheduler>.Instance);
        Notifier.Reloaded += (_, outcome) => Outcomes.Add(outcome);
        Engine.LoadInitial();
        Outcomes.Clear();
        File.Reads = 0;
    }

    public FakeTimeProvider Time { get; } = new();

    public MemoryFile File { get; } = new();

    public SnapshotHolder Holder { get; } = new();

    public ReloadNotifier Notifier { get; } = new();

    public ReloadEngine Engine { get; }

    public ReloadScheduler Scheduler { get; }

    public List<ReloadOutcome> Outcomes { get; } = [];

    public string ServedVersion => Holder.Current!.Config.Routes.Single(r => r.Id == "version").Respond!.Body!;

    public void WriteVersion(string version) => File.Write(TestConfigs.Versioned(version).ToJson());

    public void FileEvent() => Scheduler.Notify(new ReloadTrigger(ReloadTriggerKind.FileEvent, "test"));

    /// <summary>Advances the fake clock one quiet window at a time: a timer re-armed inside a callback fires only on a later advance.</summary>
    public void AdvanceWindows(int windows, TimeSpan window)
    {
        for (var i = 0; i < windows; i++)
        {
            Time.Advance(window);
        }
    }

    public void Dispose() => Scheduler.Dispose();

    /// <summary>An in-memory config file whose reads can be made to change the file while it is being read.</summary>
    internal sealed class MemoryFile : IConfigFileSource
    {
        private byte[]? _content;

        public string Path => "/memory/proxy.json";

        public int Reads { get; set; }

        public Action? OnRead { get; set; }

        public void Write(string content) => _content = Encoding.UTF8.GetBytes(content);

        public void Delete() => _content = null;

        public ConfigFileRead Read(long maxBytes)
        {
            Reads++;
            var content = _content;
            OnRead?.Invoke();
            return content is null ? new ConfigFileRead.Missing() : new ConfigFileRead.Content(content);
        }

        public ConfigFileStamp Stamp() => new(Path, _content is not null, false, _content?.Length ?? 0, default);
    }
}
