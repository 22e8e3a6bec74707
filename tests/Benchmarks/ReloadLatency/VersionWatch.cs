using System.Collections.Concurrent;
using HotReloadProxy.Testing.Configs;

namespace HotReload.Benchmarks.ReloadLatency;

/// <summary>
/// Sits in every load client's handler chain and notes each config version as soon as any response carries
/// it, so the storm can move to the next write without sleeping. The latency figures come from the
/// recorded history afterwards; this only paces the writes.
/// </summary>
internal sealed class VersionWatch
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _seen = new(StringComparer.Ordinal);

    public DelegatingHandler CreateHandler(HttpMessageHandler inner) => new WatchingHandler(this, inner);

    public async Task<bool> WaitForAsync(string version, TimeSpan timeout)
    {
        try
        {
            await Seen(version).Task.WaitAsync(timeout).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private TaskCompletionSource Seen(string version) =>
        _seen.GetOrAdd(version, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    private sealed class WatchingHandler(VersionWatch watch, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.Headers.TryGetValues(TestConfigs.VersionHeader, out var values))
            {
                foreach (var version in values)
                {
                    watch.Seen(version).TrySetResult();
                }
            }

            return response;
        }
    }
}
