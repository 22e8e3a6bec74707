namespace HotReload.Functional.Tests.Support;

/// <summary>
/// Waits for a condition on something that has no notification of its own (file-system events seen by a test's
/// own watcher), checking often, failing with a clear message after a generous limit. Never used to wait for a
/// reload: those are awaited on the proxy's outcomes.
/// </summary>
internal static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(10);
        var deadline = DateTime.UtcNow + limit;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out after {limit.TotalSeconds:0.#} s waiting for {what}.");
            }

            // Re-checks a file-system observation of the test's own watcher, which has nothing to await.
            await Task.Delay(5);
        }
    }
}
