using Microsoft.Extensions.Logging;

namespace HotReloadProxy.Observability;

/// <summary>Entry points to <see cref="Log"/> for the hosting layer, which lives in another namespace.</summary>
internal static class LogAccess
{
    public static void WatchStarted(ILogger logger, string path, string mode) => Log.WatchStarted(logger, path, mode);

    public static void ListenersReady(ILogger logger, string publicUrls, string adminUrls) => Log.ListenersReady(logger, publicUrls, adminUrls);

    public static void ConfigPathResolved(ILogger logger, string path, string workingDirectory) => Log.ConfigPathResolved(logger, path, workingDirectory);
}
