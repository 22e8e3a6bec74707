using System.Globalization;
using HotReloadProxy.Configuration.Validation;
using HotReloadProxy.Forwarding;
using HotReloadProxy.Routing;
using Yarp.ReverseProxy.Forwarder;

namespace HotReloadProxy.Snapshots;

/// <summary>
/// Builds a complete snapshot from a validated config before anything can see it. Clusters whose config
/// did not change keep the previous snapshot's invoker, so their connection pools survive the reload.
/// </summary>
internal sealed class SnapshotCompiler(IInvokerFactory invokers, ForwardingOptions forwarding)
{
    /// <summary>Used when neither the route nor its cluster sets a timeout (YARP's default activity timeout).</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(100);

    /// <summary>Compiles what the validator accepted, with the templates and host patterns it already parsed.</summary>
    public ConfigSnapshot Compile(ValidConfig valid, long generation, string sha256, DateTimeOffset loadedAt, string source, ConfigSnapshot? previous)
    {
        ArgumentNullException.ThrowIfNull(valid);
        var config = valid.Config;
        var clusters = new Dictionary<string, CompiledCluster>(config.Clusters.Count, StringComparer.Ordinal);
        foreach (var (name, clusterConfig) in config.Clusters)
        {
            var invoker = previous is not null && previous.Clusters.TryGetValue(name, out var old) && old.Config == clusterConfig
                ? old.Invoker.AddReference()
                : new SharedInvoker(invokers.Create(name, clusterConfig));
            clusters.Add(name, new CompiledCluster(name, clusterConfig, invoker));
        }

        var generationText = generation.ToString(CultureInfo.InvariantCulture);
        // The forwarder's settings are immutable and differ only by timeout, and most routes share one: one
        // instance per timeout, not one per route of a large table.
        var requestConfigs = new Dictionary<TimeSpan, ForwarderRequestConfig>();
        ForwarderRequestConfig RequestConfigFor(TimeSpan timeout) =>
            requestConfigs.TryGetValue(timeout, out var shared) ? shared : requestConfigs[timeout] = new ForwarderRequestConfig { ActivityTimeout = timeout };

        var entries = new List<RouteEntry<CompiledRoute>>(config.Routes.Count);
        for (var i = 0; i < config.Routes.Count; i++)
        {
            var route = config.Routes[i];
            var cluster = route.Cluster is null ? null : clusters[route.Cluster];
            var responseHeaders = ResponseHeaders.From(route.Transforms?.ResponseHeaders);
            var compiled = new CompiledRoute(
                route,
                cluster,
                route.Respond is null ? null : new DirectResponder(route.Respond, responseHeaders),
                new RouteTransformer(route.Transforms, responseHeaders, forwarding, generationText),
                RequestConfigFor(route.Timeout ?? cluster?.Config.Timeout ?? DefaultTimeout));
            var match = valid.Matches[i];
            entries.Add(new RouteEntry<CompiledRoute>(
                match.Template,
                match.Methods,
                match.Hosts,
                route.Order,
                i,
                compiled));
        }

        return new ConfigSnapshot(generation, generationText, sha256, loadedAt, source, config, new RouteTable<CompiledRoute>(entries), clusters);
    }
}
