namespace HotReloadProxy.Reload.Triggers;

/// <summary>
/// For bind mounts and network shares where file events never arrive: compares the file's metadata
/// (resolved path, existence, size, mtime) every interval and reports a change; the engine's hash check
/// then decides whether the content really changed.
/// </summary>
internal sealed class ConfigFilePoller : IReloadTrigger
{
    private readonly IConfigFileSource _source;
    private readonly Action<ReloadReason> _notify;
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;
    private ITimer? _timer;
    private readonly Lock _gate = new();
    private ConfigFileStamp _last;

    public ConfigFilePoller(IConfigFileSource source, TimeSpan interval, TimeProvider time, Action<ReloadReason> notify)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(time);
        _source = source;
        _notify = notify;
        _time = time;
        _interval = interval;
        _last = source.Stamp();
    }

    public void Start() => _timer ??= _time.CreateTimer(_ => Poll(), null, _interval, _interval);

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

        _notify(new ReloadReason(ReloadReasonKind.Poll, stamp.Exists ? $"size {stamp.Length}" : "file missing"));
    }

    public void Dispose() => _timer?.Dispose();
}
