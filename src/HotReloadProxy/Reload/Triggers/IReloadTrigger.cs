namespace HotReloadProxy.Reload.Triggers;

/// <summary>
/// A source of reloads (the directory watcher, the poller, SIGHUP). It is created idle, started once when the
/// server is up, and stopped by disposing it; what it reports is a <see cref="ReloadReason"/> for the scheduler.
/// </summary>
internal interface IReloadTrigger : IDisposable
{
    /// <summary>Begins reporting changes; reports nothing before.</summary>
    void Start();
}
