using System.Globalization;
using HotReloadProxy.Reload;
using HotReloadProxy.Testing.Engine;

namespace HotReload.Property.Tests.ReloadMachine;

/// <summary>
/// One primitive thing that happens to the engine: the file changes, the watcher reports, the clock moves,
/// someone asks for a reload. Operations are lists of steps; the model and the rig each replay them.
/// </summary>
internal abstract record EngineStep
{
    public abstract void RunOn(EngineRig rig);

    /// <summary>The file now holds <paramref name="Content"/> (or is missing, a directory, unreadable).</summary>
    public sealed record Write(FileContent Content) : EngineStep
    {
        public override void RunOn(EngineRig rig)
        {
            ArgumentNullException.ThrowIfNull(rig);
            switch (Content.Kind)
            {
                case ContentKind.Missing:
                    rig.File.Delete();
                    break;
                case ContentKind.Directory:
                    rig.File.ReplaceWithDirectory();
                    break;
                case ContentKind.Unreadable:
                    rig.File.MakeUnreadable();
                    break;
                default:
                    rig.File.Write(Content.Bytes!);
                    break;
            }
        }

        public override string ToString() => $"write {Content}";
    }

    /// <summary>The next time the engine reads the file, right after it has the bytes, the file changes and the watcher reports it.</summary>
    public sealed record WriteDuringNextRead(FileContent Content) : EngineStep
    {
        public override void RunOn(EngineRig rig)
        {
            ArgumentNullException.ThrowIfNull(rig);
            var change = new Write(Content);
            rig.File.OnRead = () =>
            {
                rig.File.OnRead = null;
                change.RunOn(rig);
                rig.FileEvent();
            };
        }

        public override string ToString() => $"during the next read: write {Content}, event";
    }

    /// <summary>Same bytes, new modification time.</summary>
    public sealed record Touch : EngineStep
    {
        public override void RunOn(EngineRig rig) => rig.File.Touch();

        public override string ToString() => "touch";
    }

    /// <summary>What the watcher reports after any change.</summary>
    public sealed record FileEvent : EngineStep
    {
        public override void RunOn(EngineRig rig) => rig.FileEvent();

        public override string ToString() => "event";
    }

    public sealed record Advance(TimeSpan By) : EngineStep
    {
        public override void RunOn(EngineRig rig) => rig.Time.Advance(By);

        public override string ToString() => "+" + By.TotalMilliseconds.ToString(CultureInfo.InvariantCulture) + "ms";
    }

    /// <summary>POST /reload or SIGHUP: judged at once, no write-in-progress retries.</summary>
    public sealed record ReloadNow : EngineStep
    {
        public override void RunOn(EngineRig rig) => rig.Scheduler.ReloadNow(ReloadReason.Manual);

        public override string ToString() => "reload-now";
    }
}
