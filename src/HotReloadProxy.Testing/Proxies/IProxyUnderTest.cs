using HotReload.Testing.Observing;
using HotReloadProxy.Reload;

namespace HotReloadProxy.Testing.Proxies;

/// <summary>
/// A running proxy as any test sees it, however it is hosted (<see cref="InMemoryProxy"/>, <see cref="KestrelProxy"/>,
/// <see cref="ProxyProcess"/>): its two listeners, its reload outcomes and its generation. A test written against
/// this interface runs against a separate process as well as in this one. What only an in-process proxy can give
/// (its services, its logs, its engine) is on <see cref="IInProcessProxy"/>.
/// </summary>
internal interface IProxyUnderTest : IAsyncDisposable
{
    /// <summary>The proxy's reload outcomes: take a mark before a change, then wait for the outcome after it.</summary>
    IReloadObserver<ReloadOutcome> Events { get; }

    /// <summary>A client for the public listener (proxied traffic).</summary>
    /// <returns>A new client; the caller disposes it.</returns>
    HttpClient CreateClient();

    /// <summary>A client for the admin listener (/status, /reload, /healthz, /metrics).</summary>
    /// <returns>A new client; the caller disposes it.</returns>
    HttpClient CreateAdminClient();

    /// <summary>The generation serving new requests now.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The generation.</returns>
    Task<long> GetGenerationAsync(CancellationToken cancellationToken = default);

    /// <summary>Waits until generation <paramref name="generation"/> (or a later one) serves.</summary>
    /// <param name="generation">The generation expected.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when the generation serves.</returns>
    Task WaitForGenerationAsync(long generation, CancellationToken cancellationToken = default);
}
