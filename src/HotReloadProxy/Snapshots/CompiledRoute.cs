using HotReloadProxy.Configuration.Model;
using HotReloadProxy.Draining;
using HotReloadProxy.Forwarding;
using Yarp.ReverseProxy.Forwarder;

namespace HotReloadProxy.Snapshots;

/// <summary>A route ready to serve: either a cluster with its transforms and timeout, or a direct response.</summary>
internal sealed class CompiledRoute
{
    internal CompiledRoute(RouteConfig config, CompiledCluster? cluster, DirectResponder? respond, RouteTransformer transformer, ForwarderRequestConfig requestConfig)
    {
        Config = config;
        Cluster = cluster;
        Respond = respond;
        Transformer = transformer;
        RequestConfig = requestConfig;
        Drain = new RouteDrain();
    }

    public string Id => Config.Id;

    public RouteConfig Config { get; }

    public CompiledCluster? Cluster { get; }

    internal DirectResponder? Respond { get; }

    internal RouteTransformer Transformer { get; }

    public ForwarderRequestConfig RequestConfig { get; }

    /// <summary>Where this route's in-flight requests wait to be cut off once a reload changed or removed it.</summary>
    internal RouteDrain Drain { get; }
}
