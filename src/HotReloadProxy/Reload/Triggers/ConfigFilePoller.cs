namespace HotReloadProxy.Reload.Triggers;

/// <summary>
/// For bind mounts and network shares where file events never arrive: compares the file's metadata
/// (resolved path, existence, size, mtime) every interval and reports a change; the engine's hash check
/// then decides whether the content really changed.
/// </summary>
public sealed class ConfigFilePoller : IDisposable
{
    private readonly IConfigFileSource _source;
    private readonly Action<ReloadTrigger> _notify;
    private readonly ITimer _timer;
    private readonly Lock _gate = new();
    private ConfigFileStamp _last;

    public ConfigFilePoller(IConfigFileSource source, TimeSpan interval, TimeProvider time, Action<ReloadTrigger> notify)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(time);
        _source = source;
        _notify = notify;
        _last = source.Stamp();
        _timer = time.CreateTimer(_ => Poll(), null, interval, interval);
    }

    public void Poll()
    {
        var stamp = _source.Stamp();
        lock (_gate)
        {
            if (stamp == _last)
            {
                return;
            }

            _last = stamp;
        }

        _notify(new ReloadTrigger(ReloadTriggerKind.Poll, stamp.Exists ? $"size {stamp.Length}" : "file missing"));
    }

    public void Dispose() => _timer.Dispose();
}
