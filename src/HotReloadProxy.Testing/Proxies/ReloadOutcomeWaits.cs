using System.Security.Cryptography;
using System.Text;
using HotReload.Testing.Observing;
using HotReloadProxy.Reload;

namespace HotReloadProxy.Testing.Proxies;

/// <summary>The waits reload tests use, over any proxy's outcomes (<see cref="IProxyUnderTest.Events"/>).</summary>
internal static class ReloadOutcomeWaits
{
    /// <summary>Waits for the first outcome after <paramref name="since"/> that satisfies <paramref name="predicate"/>.</summary>
    /// <param name="events">The proxy's outcomes.</param>
    /// <param name="predicate">The outcome expected.</param>
    /// <param name="what">What is awaited, for the timeout message.</param>
    /// <param name="since">Taken with <see cref="IReloadObserver{TOutcome}.Mark"/> before the change.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The outcome.</returns>
    public static Task<ReloadOutcome> WaitForAsync(this IReloadObserver<ReloadOutcome> events, Func<ReloadOutcome, bool> predicate, string what, ReloadMark since, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        return events.WaitAsync(since, predicate, what, cancellationToken);
    }

    /// <summary>Waits for an applied reload after <paramref name="since"/>.</summary>
    /// <param name="events">The proxy's outcomes.</param>
    /// <param name="since">Taken before the change.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The outcome.</returns>
    public static Task<ReloadOutcome> WaitForAppliedAsync(this IReloadObserver<ReloadOutcome> events, ReloadMark since, CancellationToken cancellationToken = default) =>
        events.WaitForAsync(o => o.Result == ReloadResult.Applied, "an applied reload", since, cancellationToken);

    /// <summary>Waits for a rejected reload after <paramref name="since"/>, of the given reason when one is given.</summary>
    /// <param name="events">The proxy's outcomes.</param>
    /// <param name="since">Taken before the change.</param>
    /// <param name="reason">The rejection reason expected, or null for any.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The outcome.</returns>
    public static Task<ReloadOutcome> WaitForRejectedAsync(this IReloadObserver<ReloadOutcome> events, ReloadMark since, RejectionReason? reason = null, CancellationToken cancellationToken = default) =>
        events.WaitForAsync(o => o.Result == ReloadResult.Rejected && (reason is null || o.Reason == reason), $"a rejected reload{(reason is null ? "" : $" ({reason})")}", since, cancellationToken);

    /// <summary>
    /// Waits until exactly this content has been applied (matched by its SHA-256): the way to wait for "my last
    /// write" when earlier writes may or may not have been applied on their own.
    /// </summary>
    /// <param name="events">The proxy's outcomes.</param>
    /// <param name="content">The file content expected to serve.</param>
    /// <param name="what">What is awaited, for the timeout message.</param>
    /// <param name="since">Taken before the change.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The outcome.</returns>
    public static Task<ReloadOutcome> WaitForAppliedContentAsync(this IReloadObserver<ReloadOutcome> events, string content, string what, ReloadMark since, CancellationToken cancellationToken = default)
    {
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
        return events.WaitForAsync(o => o.Result == ReloadResult.Applied && string.Equals(o.Sha256, sha256, StringComparison.OrdinalIgnoreCase), what, since, cancellationToken);
    }

    /// <summary>Waits for an unchanged outcome (a re-read that found the same bytes) after <paramref name="since"/>.</summary>
    /// <param name="events">The proxy's outcomes.</param>
    /// <param name="since">Taken before the change.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The outcome.</returns>
    public static Task<ReloadOutcome> WaitForUnchangedAsync(this IReloadObserver<ReloadOutcome> events, ReloadMark since, CancellationToken cancellationToken = default) =>
        events.WaitForAsync(o => o.Result == ReloadResult.Unchanged, "an unchanged outcome", since, cancellationToken);
}
