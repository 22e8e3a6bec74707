using HotReloadProxy.Configuration.Model;

namespace HotReloadProxy.Configuration.Parsing;

/// <summary>
/// Turns the positioned JSON tree into the config records. It reports shape problems (wrong types,
/// unknown or missing properties) and keeps going, so one pass reports every error; semantic rules are
/// the validator's job.
/// </summary>
internal static class ConfigBinder
{
    private static readonly string[] RootFields = ["$schema", "routes", "clusters", "server"];
    private static readonly string[] RouteFields = ["id", "match", "order", "cluster", "respond", "transforms", "timeout"];
    private static readonly string[] MatchFields = ["path", "methods", "hosts"];
    private static readonly string[] RespondFields = ["status", "headers", "body"];
    private static readonly string[] TransformFields = ["pathRemovePrefix", "pathPrefix", "requestHeaders", "responseHeaders"];
    private static readonly string[] ClusterFields = ["loadBalancing", "destinations", "timeout"];
    private static readonly string[] DestinationFields = ["address"];
    private static readonly string[] ServerFields = ["urls", "adminUrls"];
    private static readonly string[] PolicyNames = Enum.GetNames<LoadBalancingPolicy>();

    /// <summary>Every property name the schema knows, for <see cref="NameTable"/>.</summary>
    public static IEnumerable<string> FieldNames =>
        RootFields.Concat(RouteFields).Concat(MatchFields).Concat(RespondFields).Concat(TransformFields)
            .Concat(ClusterFields).Concat(DestinationFields).Concat(ServerFields);

    public static ProxyConfig Bind(JsonValue root, BindingContext context)
    {
        var rootPath = JsonPath.Root;
        context.Record(rootPath, root);
        if (root is not JsonObjectValue obj)
        {
            context.Error(rootPath, root.Offset, $"The config must be a JSON object with \"routes\" and \"clusters\", but it is {root.KindName}.");
            return new ProxyConfig();
        }

        var fields = new ObjectFields(obj, rootPath, new SectionName("the config"), context, RootFields);
        ValueReaders.String(fields["$schema"], rootPath.Field("$schema"), context);
        return new ProxyConfig
        {
            Routes = BindRoutes(fields["routes"], rootPath.Property("routes"), context),
            Clusters = BindClusters(fields["clusters"], rootPath.Property("clusters"), context),
            Server = BindServer(fields["server"], rootPath.Field("server"), context),
        };
    }

    private static ValueList<RouteConfig> BindRoutes(JsonValue? value, JsonPath routesPath, BindingContext context)
    {
        switch (value)
        {
            case null or JsonNullValue:
                return ValueList<RouteConfig>.Empty;
            case JsonArrayValue array:
                var routes = new List<RouteConfig>(array.Items.Length);
                for (var i = 0; i < array.Items.Length; i++)
                {
                    var path = routesPath.Item(i);
                    context.Record(path, array.Items[i]);
                    if (ValueReaders.Object(array.Items[i], path, context) is { } routeObject)
                    {
                        routes.Add(BindRoute(routeObject, path, context));
                    }
                }

                return new ValueList<RouteConfig>(routes);
            default:
                context.Error(routesPath, value.Offset, $"'routes' must be an array of route objects, but it is {value.KindName}.");
                return ValueList<RouteConfig>.Empty;
        }
    }

    private static RouteConfig BindRoute(JsonObjectValue obj, JsonPath path, BindingContext context)
    {
        var fields = new ObjectFields(obj, path, new SectionName("route ", path), context, RouteFields);
        // Missing required values bind as "" and are reported by the validator's rules, once.
        var id = ValueReaders.String(fields["id"], path.Field("id"), context);
        var match = ValueReaders.Object(fields["match"], path.Field("match"), context);

        return new RouteConfig
        {
            Id = id ?? "",
            Match = match is null ? new RouteMatch() : BindMatch(match, path.Property("match"), context),
            Order = ValueReaders.Integer(fields["order"], path.Field("order"), context, "10") ?? 0,
            Cluster = ValueReaders.String(fields["cluster"], path.Field("cluster"), context),
            Respond = ValueReaders.Object(fields["respond"], path.Field("respond"), context) is { } respond
                ? BindRespond(respond, path.Property("respond"), context)
                : null,
            Transforms = ValueReaders.Object(fields["transforms"], path.Field("transforms"), context) is { } transforms
                ? BindTransforms(transforms, path.Property("transforms"), context)
                : null,
            Timeout = ValueReaders.Duration(fields["timeout"], path.Field("timeout"), context),
        };
    }

    private static RouteMatch BindMatch(JsonObjectValue obj, JsonPath path, BindingContext context)
    {
        var fields = new ObjectFields(obj, path, new SectionName("'", path, "'"), context, MatchFields);

        return new RouteMatch
        {
            Path = ValueReaders.String(fields["path"], path.Field("path"), context) ?? "",
            Methods = ValueReaders.StringList(fields["methods"], path.Field("methods"), context),
            Hosts = ValueReaders.StringList(fields["hosts"], path.Field("hosts"), context),
        };
    }

    private static DirectResponse BindRespond(JsonObjectValue obj, JsonPath path, BindingContext context)
    {
        var fields = new ObjectFields(obj, path, new SectionName("'", path, "'"), context, RespondFields);
        return new DirectResponse
        {
            Status = ValueReaders.Integer(fields["status"], path.Field("status"), context, "200") ?? 200,
            Headers = ValueReaders.HeaderMap(fields["headers"], path.Field("headers"), context),
            Body = ValueReaders.String(fields["body"], path.Field("body"), context),
        };
    }

    private static RouteTransforms BindTransforms(JsonObjectValue obj, JsonPath path, BindingContext context)
    {
        var fields = new ObjectFields(obj, path, new SectionName("'", path, "'"), context, TransformFields);
        return new RouteTransforms
        {
            PathRemovePrefix = ValueReaders.String(fields["pathRemovePrefix"], path.Field("pathRemovePrefix"), context),
            PathPrefix = ValueReaders.String(fields["pathPrefix"], path.Field("pathPrefix"), context),
            RequestHeaders = ValueReaders.HeaderMap(fields["requestHeaders"], path.Field("requestHeaders"), context),
            ResponseHeaders = ValueReaders.HeaderMap(fields["responseHeaders"], path.Field("responseHeaders"), context),
        };
    }

    private static ValueMap<ClusterConfig> BindClusters(JsonValue? value, JsonPath clustersPath, BindingContext context)
    {
        if (ValueReaders.Object(value, clustersPath, context) is not { } obj)
        {
            return ValueMap<ClusterConfig>.EmptyOrdinal;
        }

        var clusters = new List<KeyValuePair<string, ClusterConfig>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in obj.Properties)
        {
            var path = clustersPath.Property(property.Name);
            context.Record(path, property.Value);
            if (!seen.Add(property.Name))
            {
                context.Error(path, property.NameOffset, $"Cluster '{property.Name}' is defined twice; keep one.");
                continue;
            }

            if (ValueReaders.Object(property.Value, path, context) is { } clusterObject)
            {
                clusters.Add(new(property.Name, BindCluster(clusterObject, property.Name, path, context)));
            }
        }

        return new ValueMap<ClusterConfig>(clusters, StringComparer.Ordinal);
    }

    private static ClusterConfig BindCluster(JsonObjectValue obj, string name, JsonPath path, BindingContext context)
    {
        var fields = new ObjectFields(obj, path, new SectionName("cluster '", name, "'"), context, ClusterFields);
        var policyPath = path.Field("loadBalancing");
        var policy = LoadBalancingPolicy.RoundRobin;
        if (ValueReaders.String(fields["loadBalancing"], policyPath, context) is { } policyText &&
            !Enum.TryParse(policyText, ignoreCase: false, out policy) | !PolicyNames.Contains(policyText, StringComparer.Ordinal))
        {
            context.Error(policyPath, fields["loadBalancing"]!.Offset, $"Unknown load balancing policy '{policyText}' in cluster '{name}'. Use one of: {string.Join(", ", PolicyNames)}.");
            policy = LoadBalancingPolicy.RoundRobin;
        }

        return new ClusterConfig
        {
            LoadBalancing = policy,
            Destinations = BindDestinations(fields["destinations"], name, path.Field("destinations"), context),
            Timeout = ValueReaders.Duration(fields["timeout"], path.Field("timeout"), context),
        };
    }

    private static ValueMap<DestinationConfig> BindDestinations(JsonValue? value, string cluster, PathRef path, BindingContext context)
    {
        // Plain null checks, not pattern variables: Stryker cannot compile mutants of a method whose pattern
        // variable it would leave unassigned (CS0165), so patterns here would hide the method from mutation.
        var obj = ValueReaders.Object(value, path, context);
        if (obj is null)
        {
            return ValueMap<DestinationConfig>.EmptyOrdinal;
        }

        var destinations = new List<KeyValuePair<string, DestinationConfig>>(obj.Properties.Length);
        var destinationsPath = path.ToJsonPath();
        var repeated = new RepeatedNames(obj, StringComparer.Ordinal);
        for (var i = 0; i < obj.Properties.Length; i++)
        {
            var property = obj.Properties[i];
            var destinationPath = destinationsPath.Property(property.Name);
            context.Record(destinationPath, property.Value);
            if (repeated.IsRepeat(i))
            {
                context.Error(destinationPath, property.NameOffset, $"Destination '{property.Name}' appears twice in cluster '{cluster}'; keep one.");
                continue;
            }

            var destination = ValueReaders.Object(property.Value, destinationPath, context);
            if (destination is null)
            {
                continue;
            }

            var fields = new ObjectFields(destination, destinationPath, new SectionName("destination '", property.Name, "'"), context, DestinationFields);
            destinations.Add(new(property.Name, new DestinationConfig { Address = ValueReaders.String(fields["address"], destinationPath.Field("address"), context) ?? "" }));
        }

        // The names were checked for repeats above, so the map need not check them again.
        return ValueMap<DestinationConfig>.FromDistinct([.. destinations], StringComparer.Ordinal);
    }

    private static ServerConfig? BindServer(JsonValue? value, PathRef field, BindingContext context)
    {
        if (ValueReaders.Object(value, field, context) is not { } obj)
        {
            return null;
        }

        var path = field.ToJsonPath();
        var fields = new ObjectFields(obj, path, new SectionName("'server'"), context, ServerFields);
        return new ServerConfig
        {
            Urls = ValueReaders.String(fields["urls"], path.Field("urls"), context),
            AdminUrls = ValueReaders.String(fields["adminUrls"], path.Field("adminUrls"), context),
        };
    }
}
