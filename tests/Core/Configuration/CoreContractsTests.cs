using System.Text;
using HotReloadProxy.Configuration.Diff;
using HotReloadProxy.Configuration.Model;
using HotReloadProxy.Configuration.Parsing;
using HotReloadProxy.Configuration.Validation;
using HotReloadProxy.Routing;
using static HotReload.Core.Tests.Configuration.ConfigText;

namespace HotReload.Core.Tests.Configuration;

/// <summary>Small contracts of the core's types: null arguments, defaults, and how an error is printed.</summary>
public sealed class CoreContractsTests
{
    private static readonly RouteEntry<string> AnyEntry = new(RouteTemplateParser.Parse("/"), null, null, 0, 0, "x");

    private static HostPattern Host(string text) => HostPattern.TryParse(text, out var pattern) ? pattern! : throw new ArgumentException(text);

    public static TheoryData<string, Action> NullArguments() => new()
    {
        { "utf8", () => ConfigParser.Parse(null!) },
        { "text", () => _ = Durations.TryParse(null!, out _) },
        { "config", () => new ConfigValidator().Validate(null!, SourceMap.Empty) },
        { "positions", () => new ConfigValidator().Validate(new ProxyConfig(), null!) },
        { "before", () => ConfigDiff.Compute(null!, new ProxyConfig()) },
        { "after", () => ConfigDiff.Compute(new ProxyConfig(), null!) },
        { "path", () => SourceMap.Empty.Locate(null!) },
        { "items", () => _ = new ValueList<string>(null!) },
        { "entries", () => _ = new ValueMap<string>(null!, StringComparer.Ordinal) },
        { "entries", () => _ = new RouteTable<string>(null!) },
        { "path", () => new RouteTable<string>([AnyEntry]).Match("GET", "h", 80, null!) },
        { "entry", () => PrecedenceKey.Of<string>(null!) },
        { "text", () => _ = RouteTemplateParser.TryParse(null!, out _, out _) },
        { "a", () => RoutePrecedence.Compare(null!, AnyEntry) },
        { "b", () => RoutePrecedence.Compare(AnyEntry, null!) },
        { "a", () => RoutePrecedence.CompareSpecificity(null!, AnyEntry.Template) },
        { "b", () => RoutePrecedence.CompareSpecificity(AnyEntry.Template, null!) },
        { "text", () => _ = HostPattern.TryParse(null!, out _) },
        { "requestHost", () => Host("h").Matches(null!, 80) },
    };

    [Theory]
    [Requirement("MU-06")]
    [MemberData(nameof(NullArguments))]
    public void A_null_argument_is_rejected_by_name(string parameter, Action call)
    {
        var error = Assert.Throws<ArgumentNullException>(call);
        Assert.Equal(parameter, error.ParamName);
    }

    [Fact]
    [Requirement("CV-11")]
    public void An_error_prints_as_file_line_column_message_naming_its_own_file_when_it_has_one()
    {
        var error = new ConfigError("routes[0].id", new SourcePosition(3, 7), "Route id is required.");

        Assert.Equal("proxy.json:3:7: Route id is required.", error.Format("proxy.json"));
        Assert.Equal("conf.d/10-api.json:3:7: Route id is required.", (error with { File = "conf.d/10-api.json" }).Format("proxy.json"));
        Assert.Equal(new ConfigError("$", SourcePosition.Start, "gone"), ConfigError.ForFile("gone"));
    }

    [Fact]
    [Requirement("CV-09")]
    public void Binding_records_positions_only_when_asked()
    {
        var json = Encoding.UTF8.GetBytes("{}");
        Assert.Null(new BindingContext(new LineIndex(json)).Positions);
        Assert.NotNull(new BindingContext(new LineIndex(json), recordPositions: true).Positions);
    }

    [Fact]
    [Requirement("CV-09")]
    public void A_value_the_file_leaves_out_binds_as_empty_text_not_as_a_placeholder()
    {
        Assert.Equal("", new RouteConfig().Id);
        Assert.Equal("", new DestinationConfig().Address);
        Assert.Equal(LoadBalancingPolicy.RoundRobin, new ClusterConfig().LoadBalancing);
    }

    [Fact]
    [Requirement("CV-10")]
    public void A_new_limits_record_has_the_documented_string_and_body_bounds()
    {
        var limits = new ConfigLimits();

        Assert.Equal(8 * 1024, limits.MaxStringLength);
        Assert.Equal(1024 * 1024, limits.MaxBodyLength);
    }

    [Fact]
    [Requirement("CV-02")]
    public void Json_paths_are_spelt_as_errors_show_them()
    {
        Assert.Equal("routes", JsonPaths.Property("$", "routes"));
        Assert.Equal("clusters.c", JsonPaths.Property("clusters", "c"));
        Assert.Equal("routes[2]", JsonPaths.Route(2));
        Assert.Equal("clusters.c.destinations.d", JsonPaths.Destination("c", "d"));
        Assert.Equal("$", JsonPath.Root.ToString());
        Assert.Equal("routes", JsonPath.Root.Property("routes").ToString());
        Assert.Equal("$[0]", JsonPath.Root.Item(0).ToString());
        Assert.Equal("routes[1].match", JsonPath.Root.Property("routes").Item(1).Property("match").ToString());
    }

    [Theory]
    [Requirement("CV-08")]
    [InlineData("Content-Length")]
    [InlineData("transfer-encoding")]
    [InlineData("Connection")]
    [InlineData("Keep-Alive")]
    [InlineData("Upgrade")]
    [InlineData("TE")]
    [InlineData("Trailer")]
    [InlineData("Proxy-Connection")]
    public void A_header_that_frames_the_message_cannot_be_configured(string name)
    {
        var error = Single(Validate("{\"routes\": [{\"id\": \"a\", \"match\": {\"path\": \"/\"}, \"respond\": {\"headers\": {\"" + name + "\": \"x\"}}}]}"));

        Assert.Equal($"Header '{name}' frames the message or the connection and is set by the proxy; remove it.", error.Message);
    }

    [Theory]
    [Requirement("CV-08")]
    [InlineData("a~b")]
    [InlineData("~")]
    [InlineData(" !\t")]
    public void Visible_ascii_up_to_the_tilde_spaces_and_tabs_are_valid_header_values(string value)
    {
        Assert.True(HttpTokens.IsValidHeaderValue(value));
    }

    [Fact]
    [Requirement("CV-08")]
    public void A_two_character_prefix_is_a_valid_prefix()
    {
        Assert.Empty(Validate("{\"routes\": [{\"id\": \"a\", \"match\": {\"path\": \"/\"}, \"respond\": {}, \"transforms\": {\"pathPrefix\": \"/a\", \"pathRemovePrefix\": \"/b\"}}]}"));
    }
}
