using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HotReload.Benchmarks.Shared;

/// <summary>
/// The harness's proxy keeps every log record in memory at Debug level, which tests want and benchmarks
/// must not pay for: raising the floor to Warning keeps only what would be news.
/// </summary>
internal static class QuietLogging
{
    public static void Apply(IServiceCollection services) =>
        services.Configure<LoggerFilterOptions>(options => options.MinLevel = LogLevel.Warning);
}
