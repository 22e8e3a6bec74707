using HotReloadProxy.Configuration.Model;

namespace HotReloadProxy.Configuration.Parsing;

/// <summary>
/// Turns the positioned JSON tree into the config records. It reports shape problems (wrong types,
/// unknown or missing properties) and keeps going, so one pass reports every error; semantic rules are
/// the validator's job.
/// </summary>
internal static class ConfigBinder
{
    public static ProxyConfig Bind(JsonValue root, BindingContext context)
    {
        context.Record("$", root);
        if (root is not JsonObjectValue obj)
        {
            context.Error("$", root.Position, $"The config must be a JSON object with \"routes\" and \"clusters\", but it is {root.KindName}.");
            return new ProxyConfig();
        }

        var fields = new ObjectFields(obj, "$", "the config", context, "$schema", "routes", "clusters", "server");
        ValueReaders.String(fields["$schema"], "$schema", context);
        return new ProxyConfig
        {
            Routes = BindRoutes(fields["routes"], context),
            Clusters = BindClusters(fields["clusters"], context),
            Server = BindServer(fields["server"], context),
        };
    }

    private static ValueList<RouteConfig> BindRoutes(JsonValue? value, BindingContext context)
    {
        switch (value)
        {
            case null or JsonNullValue:
                return ValueList<RouteConfig>.Empty;
            case JsonArrayValue array:
                var routes = new List<RouteConfig>(array.Items.Count);
                for (var i = 0; i < array.Items.Count; i++)
                {
                    var path = JsonPaths.Route(i);
                    context.Record(path, array.Items[i]);
                    if (ValueReaders.Object(array.Items[i], path, context) is { } routeObject)
                    {
                        routes.Add(BindRoute(routeObject, path, context));
                    }
                }

                return new ValueList<RouteConfig>(routes);
            default:
                context.Error("routes", value.Position, $"'routes' must be an array of route objects, but it is {value.KindName}.");
                return ValueList<RouteConfig>.Empty;
        }
    }

    private static RouteConfig BindRoute(JsonObjectValue obj, string path, BindingContext context)
    {
        var fields = new ObjectFields(obj, path, $"route {path}", context, "id", "match", "order", "cluster", "respond", "transforms", "timeout");
        // Missing required values bind as "" and are reported by the validator's rules, once.
        var id = ValueReaders.String(fields["id"], JsonPaths.Property(path, "id"), context);
        var matchPath = JsonPaths.Property(path, "match");
        var match = ValueReaders.Object(fields["match"], matchPath, context);

        return new RouteConfig
        {
            Id = id ?? "",
            Match = match is null ? new RouteMatch() : BindMatch(match, matchPath, context),
            Order = ValueReaders.Integer(fields["order"], JsonPaths.Property(path, "order"), context, "10") ?? 0,
            Cluster = ValueReaders.String(fields["cluster"], JsonPaths.Property(path, "cluster"), context),
            Respond = ValueReaders.Object(fields["respond"], JsonPaths.Property(path, "respond"), context) is { } respond
                ? BindRespond(respond, JsonPaths.Property(path, "respond"), context)
                : null,
            Transforms = ValueReaders.Object(fields["transforms"], JsonPaths.Property(path, "transforms"), context) is { } transforms
                ? BindTransforms(transforms, JsonPaths.Property(path, "transforms"), context)
                : null,
            Timeout = ValueReaders.Duration(fields["timeout"], JsonPaths.Property(path, "timeout"), context),
        };
    }

    private static RouteMatch BindMatch(JsonObjectValue obj, string path, BindingContext context)
    {
        var fields = new ObjectFields(obj, path, $"'{path}'", context, "path", "methods", "hosts");

        return new RouteMatch
        {
            Path = ValueReaders.String(fields["path"], JsonPaths.Property(path, "path"), context) ?? "",
            Methods = ValueReaders.StringList(fields["methods"], JsonPaths.Property(path, "methods"), context),
            Hosts = ValueReaders.StringList(fields["hosts"], JsonPaths.Property(path, "hosts"), context),
        };
    }

    private static DirectResponse BindRespond(JsonObjectValue obj, string path, BindingContext context)
    {
        var fields = new ObjectFields(obj, path, $"'{path}'", context, "status", "headers", "body");
        return new DirectResponse
        {
            Status = ValueReaders.Integer(fields["status"], JsonPaths.Property(path, "status"), context, "200") ?? 200,
            Headers = ValueReaders.HeaderMap(fields["headers"], JsonPaths.Property(path, "headers"), context),
            Body = ValueReaders.String(fields["body"], JsonPaths.Property(path, "body"), context),
        };
    }

    private static RouteTransforms BindTransforms(JsonObjectValue obj, string path, BindingContext context)
    {
        var fields = new ObjectFields(obj, path, $"'{path}'", context, "pathRemovePrefix", "pathPrefix", "requestHeaders", "responseHeaders");
        return new RouteTransforms
        {
            PathRemovePrefix = ValueReaders.String(fields["pathRemovePrefix"], JsonPaths.Property(path, "pathRemovePrefix"), context),
            PathPrefix = ValueReaders.String(fields["pathPrefix"], JsonPaths.Property(path, "pathPrefix"), context),
            RequestHeaders = ValueReaders.HeaderMap(fields["requestHeaders"], JsonPaths.Property(path, "requestHeaders"), context),
            ResponseHeaders = ValueReaders.HeaderMap(fields["responseHeaders"], JsonPaths.Property(path, "responseHeaders"), context),
        };
    }

    private static ValueMap<ClusterConfig> BindClusters(JsonValue? value, BindingContext context)
    {
        if (ValueReaders.Object(value, "clusters", context) is not { } obj)
        {
            return ValueMap<ClusterConfig>.EmptyOrdinal;
        }

        var clusters = new List<KeyValuePair<string, ClusterConfig>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in obj.Properties)
        {
            var path = JsonPaths.Cluster(property.Name);
            context.Record(path, property.Value);
            if (!seen.Add(property.Name))
            {
                context.Error(path, property.NamePosition, $"Cluster '{property.Name}' is defined twice; keep one.");
                continue;
            }

            if (ValueReaders.Object(property.Value, path, context) is { } clusterObject)
            {
                clusters.Add(new(property.Name, BindCluster(clusterObject, property.Name, path, context)));
            }
        }

        return new ValueMap<ClusterConfig>(clusters, StringComparer.Ordinal);
    }

    private static ClusterConfig BindCluster(JsonObjectValue obj, string name, string path, BindingContext context)
    {
        var fields = new ObjectFields(obj, path, $"cluster '{name}'", context, "loadBalancing", "destinations", "timeout");
        var policyPath = JsonPaths.Property(path, "loadBalancing");
        var policy = LoadBalancingPolicy.RoundRobin;
        if (ValueReaders.String(fields["loadBalancing"], policyPath, context) is { } policyText &&
            !Enum.TryParse(policyText, ignoreCase: false, out policy) | !Enum.GetNames<LoadBalancingPolicy>().Contains(policyText, StringComparer.Ordinal))
        {
            context.Error(policyPath, fields["loadBalancing"]!.Position, $"Unknown load balancing policy '{policyText}' in cluster '{name}'. Use one of: {string.Join(", ", Enum.GetNames<LoadBalancingPolicy>())}.");
            policy = LoadBalancingPolicy.RoundRobin;
        }

        return new ClusterConfig
        {
            LoadBalancing = policy,
            Destinations = BindDestinations(fields["destinations"], name, JsonPaths.Property(path, "destinations"), context),
            Timeout = ValueReaders.Duration(fields["timeout"], JsonPaths.Property(path, "timeout"), context),
        };
    }

    private static ValueMap<DestinationConfig> BindDestinations(JsonValue? value, string cluster, string path, BindingContext context)
    {
        if (ValueReaders.Object(value, path, context) is not { } obj)
        {
            return ValueMap<DestinationConfig>.EmptyOrdinal;
        }

        var destinations = new List<KeyValuePair<string, DestinationConfig>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in obj.Properties)
        {
            var destinationPath = JsonPaths.Property(path, property.Name);
            context.Record(destinationPath, property.Value);
            if (!seen.Add(property.Name))
            {
                context.Error(destinationPath, property.NamePosition, $"Destination '{property.Name}' appears twice in cluster '{cluster}'; keep one.");
                continue;
            }

            if (ValueReaders.Object(property.Value, destinationPath, context) is not { } destination)
            {
                continue;
            }

            var fields = new ObjectFields(destination, destinationPath, $"destination '{property.Name}'", context, "address");
            var addressPath = JsonPaths.Property(destinationPath, "address");

            destinations.Add(new(property.Name, new DestinationConfig { Address = ValueReaders.String(fields["address"], addressPath, context) ?? "" }));
        }

        return new ValueMap<DestinationConfig>(destinations, StringComparer.Ordinal);
    }

    private static ServerConfig? BindServer(JsonValue? value, BindingContext context)
    {
        if (ValueReaders.Object(value, "server", context) is not { } obj)
        {
            return null;
        }

        var fields = new ObjectFields(obj, "server", "'server'", context, "urls", "adminUrls");
        return new ServerConfig
        {
            Urls = ValueReaders.String(fields["urls"], "server.urls", context),
            AdminUrls = ValueReaders.String(fields["adminUrls"], "server.adminUrls", context),
        };
    }
}
