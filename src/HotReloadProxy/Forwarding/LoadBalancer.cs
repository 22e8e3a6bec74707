using HotReloadProxy.Configuration.Model;

namespace HotReloadProxy.Forwarding;

/// <summary>Picks a destination index. Stateless apart from the round-robin counter, and lock-free.</summary>
internal abstract class LoadBalancer
{
    public abstract int Pick(int count);

    public static LoadBalancer For(LoadBalancingPolicy policy) => policy switch
    {
        LoadBalancingPolicy.Random => new RandomBalancer(),
        LoadBalancingPolicy.First => new FirstBalancer(),
        _ => new RoundRobinBalancer(),
    };

    private sealed class RoundRobinBalancer : LoadBalancer
    {
        private uint _next = uint.MaxValue;

        public override int Pick(int count) => (int)(Interlocked.Increment(ref _next) % (uint)count);
    }

    private sealed class RandomBalancer : LoadBalancer
    {
#pragma warning disable CA5394 // Spreading load needs no cryptographic randomness.
        public override int Pick(int count) => Random.Shared.Next(count);
#pragma warning restore CA5394
    }

    private sealed class FirstBalancer : LoadBalancer
    {
        public override int Pick(int count) => 0;
    }
}
