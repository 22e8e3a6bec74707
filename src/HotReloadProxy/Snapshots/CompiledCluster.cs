using HotReloadProxy.Configuration.Model;
using HotReloadProxy.Forwarding;

namespace HotReloadProxy.Snapshots;

internal sealed record CompiledDestination(string Name, string Prefix);

/// <summary>A cluster ready to serve: its destinations, the balancer that picks one, and its invoker.</summary>
internal sealed class CompiledCluster
{
    internal CompiledCluster(string name, ClusterConfig config, SharedInvoker invoker)
    {
        Name = name;
        Config = config;
        Invoker = invoker;
        Destinations = config.Destinations.Select(d => new CompiledDestination(d.Key, d.Value.Address)).ToArray();
        Balancer = LoadBalancer.For(config.LoadBalancing);
    }

    public string Name { get; }

    public ClusterConfig Config { get; }

    internal SharedInvoker Invoker { get; }

    internal IReadOnlyList<CompiledDestination> Destinations { get; }

    internal LoadBalancer Balancer { get; }

    internal CompiledDestination PickDestination() => Destinations[Balancer.Pick(Destinations.Count)];
}
