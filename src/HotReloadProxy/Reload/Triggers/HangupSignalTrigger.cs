using System.Runtime.InteropServices;
using HotReloadProxy.Observability;
using Microsoft.Extensions.Logging;

namespace HotReloadProxy.Reload.Triggers;

/// <summary>
/// SIGHUP reloads the config, as nginx users expect, instead of terminating the process. A process that
/// inherited SIGHUP as ignored (nohup) never sees it, because the runtime keeps an inherited ignore; that is
/// said once at startup rather than leaving `kill -HUP` to do nothing silently.
/// </summary>
internal sealed class HangupSignalTrigger(Action<ReloadReason> notify, ILogger logger) : IReloadTrigger
{
    private PosixSignalRegistration? _registration;

    public void Start()
    {
        if (OperatingSystem.IsWindows() || _registration is not null)
        {
            return;
        }

        if (InheritedIgnore.IsHangupIgnored())
        {
            Log.SignalIgnored(logger);
        }

        _registration = PosixSignalRegistration.Create(PosixSignal.SIGHUP, context =>
        {
            context.Cancel = true;
            Log.SignalReload(logger);
            notify(ReloadReason.Signal);
        });
    }

    public void Dispose() => _registration?.Dispose();
}
