using System.Collections.Concurrent;
using HotReloadProxy.Testing.Engine;
using HotReloadProxy.Reload;

namespace HotReload.Core.Tests.Reload.Engine;

/// <summary>Subscribers run outside the engine's writer lock, in reload order.</summary>
public sealed class ReloadEventOrderTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    [Fact]
    [Requirement("AR-02")]
    public async Task A_subscriber_that_blocks_does_not_block_the_next_reloads_swap_and_events_stay_in_order()
    {
        using var rig = new EngineRig("v0");
        using var unblock = new ManualResetEventSlim();
        var blocked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var raised = new ConcurrentQueue<long>();
        rig.Notifier.Reloaded += (_, outcome) =>
        {
            raised.Enqueue(outcome.Generation);
            if (outcome.Generation == 2)
            {
                blocked.TrySetResult();
                unblock.Wait(Timeout);
            }
        };

        try
        {
            rig.WriteVersion("v1");
            var first = OnOwnThread(() => rig.Engine.Reload(ReloadReason.Manual));
            await blocked.Task.WaitAsync(Timeout);

            // The subscriber of generation 2 is blocked on the first reload's thread. The next reload must still swap.
            rig.WriteVersion("v2");
            var second = OnOwnThread(() => rig.Engine.Reload(ReloadReason.Manual));
            ReloadOutcome? swapped;
            try
            {
                swapped = await second.WaitAsync(Timeout);
            }
            catch (TimeoutException)
            {
                Assert.Fail("The second reload did not finish while a subscriber of the first was blocked: events run inside the writer lock.");
                throw;
            }

            Assert.Equal(ReloadResult.Applied, swapped!.Result);
            Assert.Equal(3, swapped.Generation);
            Assert.Equal(3, rig.Current.Generation);
            Assert.False(first.IsCompleted, "the first reload returned while its subscriber was still blocked");
            Assert.Equal([2L], raised.ToArray());

            unblock.Set();
            var firstOutcome = await first.WaitAsync(Timeout);
            Assert.Equal(2, firstOutcome!.Generation);

            // Generation 3's event waited for generation 2's subscriber and was raised after it, not before and not lost.
            Assert.Equal([2L, 3L], raised.ToArray());
        }
        finally
        {
            unblock.Set();
        }
    }

    /// <summary>
    /// Runs a reload on a thread of its own: the reload blocks (in a subscriber) on purpose, and a blocked thread-pool
    /// thread would make the test's own continuations wait for the pool to add threads.
    /// </summary>
    private static Task<ReloadOutcome?> OnOwnThread(Func<ReloadOutcome?> reload) =>
        Task.Factory.StartNew(reload, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
}
