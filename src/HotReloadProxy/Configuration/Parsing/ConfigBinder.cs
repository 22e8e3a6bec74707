using System.Text.Json;
using HotReloadProxy.Configuration.Model;

namespace HotReloadProxy.Configuration.Parsing;

/// <summary>
/// Reads the config file's JSON straight into the config records, with no tree in between: a reload of a large
/// file allocates little more than the config it keeps. It reports shape problems (wrong types, unknown or
/// repeated properties) and keeps going, so one pass reports every error; semantic rules are the validator's job.
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

    /// <summary>
    /// Binds <paramref name="json"/> (without a byte order mark), adding shape errors to <paramref name="context"/>.
    /// When the bytes are not well-formed JSON or not UTF-8, <paramref name="syntaxError"/> is the first such problem
    /// and the returned config is empty: the shape errors found before it are not worth reporting.
    /// </summary>
    public static ProxyConfig Bind(ReadOnlySpan<byte> json, BindingContext context, out ConfigError? syntaxError)
    {
        syntaxError = null;
        var reader = new Utf8JsonReader(json, JsonSyntax.Options);
        try
        {
            // The reader is given the whole file as its final block, so it never reports "no more input" by
            // returning false: input without a value (only a comment) and content after the value both raise a
            // JsonException, reported below at their position. The second Read is there to raise it.
            reader.Read();
            var config = BindRoot(ref reader, context);
            reader.Read();
            return config;
        }
        catch (JsonException ex)
        {
            syntaxError = JsonSyntax.SyntaxError(ex, context.Lines);
        }
        catch (InvalidOperationException ex)
        {
            // Raised for strings that are not valid UTF-8.
            syntaxError = JsonSyntax.InvalidText(ex, reader.TokenStartIndex, context.Lines);
        }

        return new ProxyConfig();
    }

    private static ProxyConfig BindRoot(ref Utf8JsonReader reader, BindingContext context)
    {
        context.Record(reader.TokenStartIndex);
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            context.Error(reader.TokenStartIndex, $"The config must be a JSON object with \"routes\" and \"clusters\", but it is {JsonSyntax.KindName(reader.TokenType)}.");
            reader.Skip();
            return new ProxyConfig();
        }

        var fields = new ObjectFields(RootFields, SectionName.Fixed("the config"));
        var routes = ValueList<RouteConfig>.Empty;
        var clusters = ValueMap<ClusterConfig>.EmptyOrdinal;
        ServerConfig? server = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            switch (fields.Next(ref reader, context))
            {
                case -1:
                    continue;
                case 0:
                    ValueReaders.String(ref reader, context);
                    break;
                case 1:
                    routes = BindRoutes(ref reader, context);
                    break;
                case 2:
                    clusters = BindClusters(ref reader, context);
                    break;
                default:
                    server = BindServer(ref reader, context);
                    break;
            }

            context.Leave();
        }

        return new ProxyConfig { Routes = routes, Clusters = clusters, Server = server };
    }

    private static ValueList<RouteConfig> BindRoutes(ref Utf8JsonReader reader, BindingContext context)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return ValueList<RouteConfig>.Empty;
            case JsonTokenType.StartArray:
                // Pooled while it grows: a list of 10,000 routes would otherwise leave its outgrown arrays, the
                // largest on the large object heap, behind on every reload.
                var routes = new PooledList<RouteConfig>();
                try
                {
                    var index = 0;
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        context.Enter(index++);
                        context.Record(reader.TokenStartIndex);
                        if (ValueReaders.Object(ref reader, context))
                        {
                            routes.Add(BindRoute(ref reader, context));
                        }

                        context.Leave();
                    }

                    return ValueList<RouteConfig>.Own(routes.ToArray());
                }
                finally
                {
                    routes.Dispose();
                }

            default:
                context.Error(reader.TokenStartIndex, $"'routes' must be an array of route objects, but it is {JsonSyntax.KindName(reader.TokenType)}.");
                reader.Skip();
                return ValueList<RouteConfig>.Empty;
        }
    }

    private static RouteConfig BindRoute(ref Utf8JsonReader reader, BindingContext context)
    {
        var fields = new ObjectFields(RouteFields, new SectionName("route "));
        // Missing required values bind as "" and are reported by the validator's rules, once.
        string? id = null;
        RouteMatch? match = null;
        int? order = null;
        string? cluster = null;
        DirectResponse? respond = null;
        RouteTransforms? transforms = null;
        TimeSpan? timeout = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            switch (fields.Next(ref reader, context))
            {
                case -1:
                    continue;
                case 0:
                    id = ValueReaders.String(ref reader, context);
                    break;
                case 1:
                    match = ValueReaders.Object(ref reader, context) ? BindMatch(ref reader, context) : null;
                    break;
                case 2:
                    order = ValueReaders.Integer(ref reader, context, "10");
                    break;
                case 3:
                    cluster = ValueReaders.String(ref reader, context);
                    break;
                case 4:
                    respond = ValueReaders.Object(ref reader, context) ? BindRespond(ref reader, context) : null;
                    break;
                case 5:
                    transforms = ValueReaders.Object(ref reader, context) ? BindTransforms(ref reader, context) : null;
                    break;
                default:
                    timeout = ValueReaders.Duration(ref reader, context);
                    break;
            }

            context.Leave();
        }

        return new RouteConfig
        {
            Id = id ?? "",
            Match = match ?? new RouteMatch(),
            Order = order ?? 0,
            Cluster = cluster,
            Respond = respond,
            Transforms = transforms,
            Timeout = timeout,
        };
    }

    private static RouteMatch BindMatch(ref Utf8JsonReader reader, BindingContext context)
    {
        var fields = new ObjectFields(MatchFields, new SectionName("'", null, "'"));
        string? path = null;
        ValueList<string>? methods = null;
        ValueList<string>? hosts = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            switch (fields.Next(ref reader, context))
            {
                case -1:
                    continue;
                case 0:
                    path = ValueReaders.String(ref reader, context);
                    break;
                case 1:
                    methods = ValueReaders.StringList(ref reader, context);
                    break;
                default:
                    hosts = ValueReaders.StringList(ref reader, context);
                    break;
            }

            context.Leave();
        }

        return new RouteMatch { Path = path ?? "", Methods = methods, Hosts = hosts };
    }

    private static DirectResponse BindRespond(ref Utf8JsonReader reader, BindingContext context)
    {
        var fields = new ObjectFields(RespondFields, new SectionName("'", null, "'"));
        int? status = null;
        ValueMap<string>? headers = null;
        string? body = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            switch (fields.Next(ref reader, context))
            {
                case -1:
                    continue;
                case 0:
                    status = ValueReaders.Integer(ref reader, context, "200");
                    break;
                case 1:
                    headers = ValueReaders.HeaderMap(ref reader, context);
                    break;
                default:
                    body = ValueReaders.String(ref reader, context);
                    break;
            }

            context.Leave();
        }

        return new DirectResponse { Status = status ?? 200, Headers = headers, Body = body };
    }

    private static RouteTransforms BindTransforms(ref Utf8JsonReader reader, BindingContext context)
    {
        var fields = new ObjectFields(TransformFields, new SectionName("'", null, "'"));
        string? pathRemovePrefix = null;
        string? pathPrefix = null;
        ValueMap<string>? requestHeaders = null;
        ValueMap<string>? responseHeaders = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            switch (fields.Next(ref reader, context))
            {
                case -1:
                    continue;
                case 0:
                    pathRemovePrefix = ValueReaders.String(ref reader, context);
                    break;
                case 1:
                    pathPrefix = ValueReaders.String(ref reader, context);
                    break;
                case 2:
                    requestHeaders = ValueReaders.HeaderMap(ref reader, context);
                    break;
                default:
                    responseHeaders = ValueReaders.HeaderMap(ref reader, context);
                    break;
            }

            context.Leave();
        }

        return new RouteTransforms
        {
            PathRemovePrefix = pathRemovePrefix,
            PathPrefix = pathPrefix,
            RequestHeaders = requestHeaders,
            ResponseHeaders = responseHeaders,
        };
    }

    private static ValueMap<ClusterConfig> BindClusters(ref Utf8JsonReader reader, BindingContext context)
    {
        if (!ValueReaders.Object(ref reader, context))
        {
            return ValueMap<ClusterConfig>.EmptyOrdinal;
        }

        var clusters = new List<KeyValuePair<string, ClusterConfig>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var nameOffset = reader.TokenStartIndex;
            var name = reader.GetString()!;
            reader.Read();
            context.Enter(name);
            context.Record(reader.TokenStartIndex);
            if (!seen.Add(name))
            {
                context.Error(nameOffset, $"Cluster '{name}' is defined twice; keep one.");
                reader.Skip();
            }
            else if (ValueReaders.Object(ref reader, context))
            {
                clusters.Add(new(name, BindCluster(ref reader, name, context)));
            }

            context.Leave();
        }

        // The names were checked for repeats above, so the map need not check them again.
        return ValueMap<ClusterConfig>.FromDistinct([.. clusters], StringComparer.Ordinal);
    }

    private static ClusterConfig BindCluster(ref Utf8JsonReader reader, string name, BindingContext context)
    {
        var fields = new ObjectFields(ClusterFields, new SectionName("cluster '", name, "'"));
        var policy = LoadBalancingPolicy.RoundRobin;
        ValueMap<DestinationConfig>? destinations = null;
        TimeSpan? timeout = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            switch (fields.Next(ref reader, context))
            {
                case -1:
                    continue;
                case 0:
                    policy = BindPolicy(ref reader, name, context);
                    break;
                case 1:
                    destinations = BindDestinations(ref reader, name, context);
                    break;
                default:
                    timeout = ValueReaders.Duration(ref reader, context);
                    break;
            }

            context.Leave();
        }

        return new ClusterConfig
        {
            LoadBalancing = policy,
            Destinations = destinations ?? ValueMap<DestinationConfig>.EmptyOrdinal,
            Timeout = timeout,
        };
    }

    private static LoadBalancingPolicy BindPolicy(ref Utf8JsonReader reader, string cluster, BindingContext context)
    {
        var offset = reader.TokenStartIndex;
        if (ValueReaders.String(ref reader, context) is not { } policyText)
        {
            return LoadBalancingPolicy.RoundRobin;
        }

        // Only the names as written: Enum.TryParse alone would also take numbers ("1") and ignore case.
        if (Enum.TryParse(policyText, ignoreCase: false, out LoadBalancingPolicy policy) & PolicyNames.Contains(policyText, StringComparer.Ordinal))
        {
            return policy;
        }

        context.Error(offset, $"Unknown load balancing policy '{policyText}' in cluster '{cluster}'. Use one of: {string.Join(", ", PolicyNames)}.");
        return LoadBalancingPolicy.RoundRobin;
    }

    private static ValueMap<DestinationConfig> BindDestinations(ref Utf8JsonReader reader, string cluster, BindingContext context)
    {
        if (!ValueReaders.Object(ref reader, context))
        {
            return ValueMap<DestinationConfig>.EmptyOrdinal;
        }

        var destinations = new List<KeyValuePair<string, DestinationConfig>>();
        var repeated = context.DestinationNames;
        repeated.Reset();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var nameOffset = reader.TokenStartIndex;
            var name = reader.GetString()!;
            reader.Read();
            context.Enter(name);
            context.Record(reader.TokenStartIndex);
            if (repeated.IsRepeat(name))
            {
                context.Error(nameOffset, $"Destination '{name}' appears twice in cluster '{cluster}'; keep one.");
                reader.Skip();
            }
            else if (ValueReaders.Object(ref reader, context))
            {
                destinations.Add(new(name, BindDestination(ref reader, name, context)));
            }

            context.Leave();
        }

        // The names were checked for repeats above, so the map need not check them again.
        return ValueMap<DestinationConfig>.FromDistinct([.. destinations], StringComparer.Ordinal);
    }

    private static DestinationConfig BindDestination(ref Utf8JsonReader reader, string name, BindingContext context)
    {
        var fields = new ObjectFields(DestinationFields, new SectionName("destination '", name, "'"));
        string? address = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            if (fields.Next(ref reader, context) < 0)
            {
                continue;
            }

            address = ValueReaders.String(ref reader, context);
            context.Leave();
        }

        return new DestinationConfig { Address = address ?? "" };
    }

    private static ServerConfig? BindServer(ref Utf8JsonReader reader, BindingContext context)
    {
        if (!ValueReaders.Object(ref reader, context))
        {
            return null;
        }

        var fields = new ObjectFields(ServerFields, SectionName.Fixed("'server'"));
        string? urls = null;
        string? adminUrls = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            switch (fields.Next(ref reader, context))
            {
                case -1:
                    continue;
                case 0:
                    urls = ValueReaders.String(ref reader, context);
                    break;
                default:
                    adminUrls = ValueReaders.String(ref reader, context);
                    break;
            }

            context.Leave();
        }

        return new ServerConfig { Urls = urls, AdminUrls = adminUrls };
    }
}
