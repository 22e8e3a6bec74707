using Microsoft.Extensions.Logging;

namespace HotReloadProxy.Observability;

/// <summary>The startup warm-up of the reload pipeline (ids 1470-1479).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1470, EventName = "PipelineWarmedUp", Level = LogLevel.Debug,
        Message = "Reload pipeline warmed up: {Passes} passes in {Rounds} rounds on the built-in sample in {ElapsedMs:0.0} ms (first pass {FirstMs:0.00} ms, last {LastMs:0.00} ms)")]
    public static partial void PipelineWarmedUp(ILogger logger, int passes, int rounds, double elapsedMs, double firstMs, double lastMs);

    [LoggerMessage(EventId = 1471, EventName = "PipelineWarmupFailed", Level = LogLevel.Warning,
        Message = "The reload pipeline's startup warm-up failed; reloads work, only the first ones may be slower. Please report this.")]
    public static partial void PipelineWarmupFailed(ILogger logger, Exception exception);
}
