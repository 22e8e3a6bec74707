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

        var root = new RootBinder();
        ObjectFields.Read(ref reader, context, RootFields, SectionName.Fixed("the config"), ref root);
        return root.Build();
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
                            var route = new RouteBinder();
                            ObjectFields.Read(ref reader, context, RouteFields, new SectionName("route "), ref route);
                            routes.Add(route.Build());
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

    /// <summary>
    /// A map from names the file chooses (clusters, a cluster's destinations) to objects of one section. A name
    /// given twice is reported at its second occurrence, whose value is skipped; the first one stays.
    /// </summary>
    private static ValueMap<T> BindNamedObjects<T>(ref Utf8JsonReader reader, BindingContext context, RepeatedNames repeated, NamedObjectBinder<T> bind, Func<string, string> repeatedMessage)
    {
        if (!ValueReaders.Object(ref reader, context))
        {
            return ValueMap<T>.EmptyOrdinal;
        }

        var entries = new List<KeyValuePair<string, T>>();
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
                context.Error(nameOffset, repeatedMessage(name));
                reader.Skip();
            }
            else if (ValueReaders.Object(ref reader, context))
            {
                entries.Add(new(name, bind(ref reader, name, context)));
            }

            context.Leave();
        }

        // The names were checked for repeats above, so the map need not check them again.
        return ValueMap<T>.FromDistinct([.. entries], StringComparer.Ordinal);
    }

    private delegate T NamedObjectBinder<out T>(ref Utf8JsonReader reader, string name, BindingContext context);

    private static ClusterConfig BindCluster(ref Utf8JsonReader reader, string name, BindingContext context)
    {
        var cluster = new ClusterBinder(name);
        ObjectFields.Read(ref reader, context, ClusterFields, new SectionName("cluster '", name, "'"), ref cluster);
        return cluster.Build();
    }

    private static DestinationConfig BindDestination(ref Utf8JsonReader reader, string name, BindingContext context)
    {
        var destination = new DestinationBinder();
        ObjectFields.Read(ref reader, context, DestinationFields, new SectionName("destination '", name, "'"), ref destination);
        return destination.Build();
    }

    /// <summary>An object of <typeparamref name="TBinder"/>'s section, or null when the value is null or reported as the wrong type.</summary>
    private static TBinder? Section<TBinder>(ref Utf8JsonReader reader, BindingContext context, string[] known, SectionName section)
        where TBinder : struct, ISectionBinder
    {
        if (!ValueReaders.Object(ref reader, context))
        {
            return null;
        }

        var binder = new TBinder();
        ObjectFields.Read(ref reader, context, known, section, ref binder);
        return binder;
    }

    private struct RootBinder : ISectionBinder
    {
        private ValueList<RouteConfig>? _routes;
        private ValueMap<ClusterConfig>? _clusters;
        private ServerConfig? _server;

        public void Bind(int field, ref Utf8JsonReader reader, BindingContext context)
        {
            switch (field)
            {
                case 0:
                    ValueReaders.String(ref reader, context);
                    break;
                case 1:
                    _routes = BindRoutes(ref reader, context);
                    break;
                case 2:
                    _clusters = BindNamedObjects(ref reader, context, context.ClusterNames, BindCluster, name => $"Cluster '{name}' is defined twice; keep one.");
                    break;
                default:
                    _server = Section<ServerBinder>(ref reader, context, ServerFields, SectionName.Fixed("'server'"))?.Build();
                    break;
            }
        }

        public readonly ProxyConfig Build() => new()
        {
            Routes = _routes ?? ValueList<RouteConfig>.Empty,
            Clusters = _clusters ?? ValueMap<ClusterConfig>.EmptyOrdinal,
            Server = _server,
        };
    }

    private struct RouteBinder : ISectionBinder
    {
        private string? _id;
        private RouteMatch? _match;
        private int? _order;
        private string? _cluster;
        private DirectResponse? _respond;
        private RouteTransforms? _transforms;
        private TimeSpan? _timeout;

        public void Bind(int field, ref Utf8JsonReader reader, BindingContext context)
        {
            switch (field)
            {
                case 0:
                    _id = ValueReaders.String(ref reader, context);
                    break;
                case 1:
                    _match = Section<MatchBinder>(ref reader, context, MatchFields, new SectionName("'", null, "'"))?.Build();
                    break;
                case 2:
                    _order = ValueReaders.Integer(ref reader, context, "10");
                    break;
                case 3:
                    _cluster = ValueReaders.String(ref reader, context);
                    break;
                case 4:
                    _respond = Section<RespondBinder>(ref reader, context, RespondFields, new SectionName("'", null, "'"))?.Build();
                    break;
                case 5:
                    _transforms = Section<TransformsBinder>(ref reader, context, TransformFields, new SectionName("'", null, "'"))?.Build();
                    break;
                default:
                    _timeout = ValueReaders.Duration(ref reader, context);
                    break;
            }
        }

        // Missing required values bind as "" and are reported by the validator's rules, once.
        public readonly RouteConfig Build() => new()
        {
            Id = _id ?? "",
            Match = _match ?? new RouteMatch(),
            Order = _order ?? 0,
            Cluster = _cluster,
            Respond = _respond,
            Transforms = _transforms,
            Timeout = _timeout,
        };
    }

    private struct MatchBinder : ISectionBinder
    {
        private string? _path;
        private ValueList<string>? _methods;
        private ValueList<string>? _hosts;

        public void Bind(int field, ref Utf8JsonReader reader, BindingContext context)
        {
            switch (field)
            {
                case 0:
                    _path = ValueReaders.String(ref reader, context);
                    break;
                case 1:
                    _methods = ValueReaders.StringList(ref reader, context);
                    break;
                default:
                    _hosts = ValueReaders.StringList(ref reader, context);
                    break;
            }
        }

        public readonly RouteMatch Build() => new() { Path = _path ?? "", Methods = _methods, Hosts = _hosts };
    }

    private struct RespondBinder : ISectionBinder
    {
        private int? _status;
        private ValueMap<string>? _headers;
        private string? _body;

        public void Bind(int field, ref Utf8JsonReader reader, BindingContext context)
        {
            switch (field)
            {
                case 0:
                    _status = ValueReaders.Integer(ref reader, context, "200");
                    break;
                case 1:
                    _headers = ValueReaders.HeaderMap(ref reader, context);
                    break;
                default:
                    _body = ValueReaders.String(ref reader, context);
                    break;
            }
        }

        public readonly DirectResponse Build() => new() { Status = _status ?? 200, Headers = _headers, Body = _body };
    }

    private struct TransformsBinder : ISectionBinder
    {
        private string? _pathRemovePrefix;
        private string? _pathPrefix;
        private ValueMap<string>? _requestHeaders;
        private ValueMap<string>? _responseHeaders;

        public void Bind(int field, ref Utf8JsonReader reader, BindingContext context)
        {
            switch (field)
            {
                case 0:
                    _pathRemovePrefix = ValueReaders.String(ref reader, context);
                    break;
                case 1:
                    _pathPrefix = ValueReaders.String(ref reader, context);
                    break;
                case 2:
                    _requestHeaders = ValueReaders.HeaderMap(ref reader, context);
                    break;
                default:
                    _responseHeaders = ValueReaders.HeaderMap(ref reader, context);
                    break;
            }
        }

        public readonly RouteTransforms Build() => new()
        {
            PathRemovePrefix = _pathRemovePrefix,
            PathPrefix = _pathPrefix,
            RequestHeaders = _requestHeaders,
            ResponseHeaders = _responseHeaders,
        };
    }

    private struct ClusterBinder(string name) : ISectionBinder
    {
        private LoadBalancingPolicy? _policy;
        private ValueMap<DestinationConfig>? _destinations;
        private TimeSpan? _timeout;

        public void Bind(int field, ref Utf8JsonReader reader, BindingContext context)
        {
            switch (field)
            {
                case 0:
                    _policy = BindPolicy(ref reader, name, context);
                    break;
                case 1:
                    var cluster = name;
                    _destinations = BindNamedObjects(ref reader, context, context.DestinationNames, BindDestination, destination => $"Destination '{destination}' appears twice in cluster '{cluster}'; keep one.");
                    break;
                default:
                    _timeout = ValueReaders.Duration(ref reader, context);
                    break;
            }
        }

        public readonly ClusterConfig Build() => new()
        {
            LoadBalancing = _policy ?? LoadBalancingPolicy.RoundRobin,
            Destinations = _destinations ?? ValueMap<DestinationConfig>.EmptyOrdinal,
            Timeout = _timeout,
        };

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
    }

    private struct DestinationBinder : ISectionBinder
    {
        private string? _address;

        public void Bind(int field, ref Utf8JsonReader reader, BindingContext context) => _address = ValueReaders.String(ref reader, context);

        public readonly DestinationConfig Build() => new() { Address = _address ?? "" };
    }

    private struct ServerBinder : ISectionBinder
    {
        private string? _urls;
        private string? _adminUrls;

        public void Bind(int field, ref Utf8JsonReader reader, BindingContext context)
        {
            if (field == 0)
            {
                _urls = ValueReaders.String(ref reader, context);
            }
            else
            {
                _adminUrls = ValueReaders.String(ref reader, context);
            }
        }

        public readonly ServerConfig Build() => new() { Urls = _urls, AdminUrls = _adminUrls };
    }
}
