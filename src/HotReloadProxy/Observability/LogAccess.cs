using Microsoft.Extensions.Logging;

namespace HotReloadProxy.Observability;

/// <summary>Entry points to <see cref="Log"/> for the hosting layer, which lives in another namespace.</summary>
internal static class LogAccess
{
    public static void WatchStarted(ILogger logger, string path, string mode) => Log.WatchStarted(logger, path, mode);

    public static void ListenersReady(ILogger logger, string publicUrls, string adminUrls) => Log.ListenersReady(logger, publicUrls, adminUrls);

    public static void PipelineWarmedUp(ILogger logger, Reload.PipelineWarmup.Result result) =>
        Log.PipelineWarmedUp(logger, result.Passes, result.Rounds, result.Elapsed.TotalMilliseconds, result.FirstPass.TotalMilliseconds, result.LastPass.TotalMilliseconds);

    public static void PipelineWarmupFailed(ILogger logger, Exception exception) => Log.PipelineWarmupFailed(logger, exception);

    public static void ConfigPathResolved(ILogger logger, string path, string workingDirectory) => Log.ConfigPathResolved(logger, path, workingDirectory);
}
