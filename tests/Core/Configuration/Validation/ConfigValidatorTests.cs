using HotReloadProxy.Configuration.Parsing;
using HotReloadProxy.Configuration.Validation;
using static HotReload.Core.Tests.Configuration.ConfigText;

namespace HotReload.Core.Tests.Configuration.Validation;

/// <summary>
/// One test per semantic rule, each through <see cref="ConfigParser"/> then <see cref="ConfigValidator"/>.
/// A '§' in the config text marks the exact character the error must point at.
/// </summary>
public sealed class ConfigValidatorTests
{
    private const string Cluster = "\"clusters\": {\"c\": {\"destinations\": {\"d\": {\"address\": \"http://127.0.0.1:5001\"}}}}";

    /// <summary>Validates the marked text and asserts exactly one error, at the one mark, whose message contains every part.</summary>
    private static ConfigError OneErrorAtMark(string marked, params string[] messageParts)
    {
        var (json, marks) = Marked(marked);
        var error = Single(Validate(json));
        var mark = Assert.Single(marks);
        AssertAt(error, mark.Line, mark.Column);
        foreach (var part in messageParts)
        {
            Assert.Contains(part, error.Message, StringComparison.Ordinal);
        }

        return error;
    }

    /// <summary>A config with one route whose match path and extra route properties are given.</summary>
    private static string OneRoute(string routeBody) =>
        "{\n  \"routes\": [\n    {" + routeBody + "}\n  ],\n  " + Cluster + "\n}";

    [Fact]
    [Requirement("CV-03", "CV-02")]
    public void Valid_config_has_no_errors()
    {
        Assert.Empty(Validate(OneRoute("\"id\": \"a\", \"match\": {\"path\": \"/a/{id}/{**rest}\", \"methods\": [\"GET\"], \"hosts\": [\"*.example.com\", \"localhost:8080\"]}, \"cluster\": \"c\", \"timeout\": \"3600s\"")));
    }

    [Fact]
    [Requirement("CV-03", "CV-02")]
    public void Duplicate_route_id_is_reported_at_the_second_id()
    {
        var error = OneErrorAtMark(
            "{\"routes\": [\n" +
            "  {\"id\": \"a\", \"match\": {\"path\": \"/a\"}, \"respond\": {}},\n" +
            "  {\"id\": §\"a\", \"match\": {\"path\": \"/b\"}, \"respond\": {}}\n" +
            "]}",
            "Route id 'a' is used twice (first by routes[0]); route ids must be unique.");
        Assert.Equal("routes[1].id", error.JsonPath);
    }

    [Fact]
    [Requirement("CV-03")]
    public void Route_ids_are_case_sensitive()
    {
        Assert.Empty(Validate("{\"routes\": [{\"id\": \"a\", \"match\": {\"path\": \"/a\"}, \"respond\": {}}, {\"id\": \"A\", \"match\": {\"path\": \"/b\"}, \"respond\": {}}]}"));
    }

    [Fact]
    [Requirement("CV-03")]
    public void Missing_route_id_is_reported_at_the_route()
    {
        OneErrorAtMark(
            "{\"routes\": [\n  §{\"match\": {\"path\": \"/a\"}, \"respond\": {}}\n]}",
            "Route routes[0] has no id");
    }

    [Theory]
    [Requirement("CV-03")]
    [InlineData("\"\"")]
    [InlineData("\"   \"")]
    public void Blank_route_id_is_reported_at_the_id(string id)
    {
        OneErrorAtMark(
            "{\"routes\": [\n  {\"match\": {\"path\": \"/a\"}, \"respond\": {}, \"id\": §" + id + "}\n]}",
            "Route routes[0] has no id");
    }

    [Fact]
    [Requirement("CV-04")]
    public void Route_with_neither_cluster_nor_respond_is_reported_at_the_route()
    {
        OneErrorAtMark(
            "{\"routes\": [\n  §{\"id\": \"a\", \"match\": {\"path\": \"/a\"}}\n]}",
            "Route 'a' has neither \"cluster\" nor \"respond\"; add one of them.");
    }

    [Fact]
    [Requirement("CV-04")]
    public void Route_with_both_cluster_and_respond_is_reported_at_respond()
    {
        OneErrorAtMark(
            "{\"routes\": [\n  {\"id\": \"a\", \"match\": {\"path\": \"/a\"}, \"cluster\": \"c\", \"respond\": §{}}\n],\n" + Cluster + "}",
            "Route 'a' has both \"cluster\" and \"respond\"; keep exactly one.");
    }

    [Fact]
    [Requirement("CV-05")]
    public void Unknown_cluster_is_reported_at_the_name_and_lists_the_defined_ones()
    {
        OneErrorAtMark(
            "{\"routes\": [\n  {\"id\": \"a\", \"match\": {\"path\": \"/a\"}, \"cluster\": §\"nope\"}\n],\n" +
            "\"clusters\": {\"c1\": {\"destinations\": {\"d\": {\"address\": \"http://a\"}}}, \"c2\": {\"destinations\": {\"d\": {\"address\": \"http://b\"}}}}}",
            "Route 'a' names cluster 'nope', which does not exist (defined: c1, c2).");
    }

    [Fact]
    [Requirement("CV-05")]
    public void Unknown_cluster_when_none_are_defined_says_so()
    {
        OneErrorAtMark(
            "{\"routes\": [{\"id\": \"a\", \"match\": {\"path\": \"/a\"}, \"cluster\": §\"c\"}]}",
            "names cluster 'c', which does not exist (none are defined)");
    }

    [Fact]
    [Requirement("CV-05")]
    public void Cluster_names_are_case_sensitive()
    {
        OneErrorAtMark(
            "{\"routes\": [{\"id\": \"a\", \"match\": {\"path\": \"/a\"}, \"cluster\": §\"C\"}], " + Cluster + "}",
            "names cluster 'C', which does not exist (defined: c)");
    }

    [Fact]
    [Requirement("CV-06")]
    public void Cluster_with_empty_destinations_is_reported_at_destinations()
    {
        OneErrorAtMark(
            "{\"clusters\": {\n  \"c\": {\"destinations\": §{}}\n}}",
            "Cluster 'c' has no destinations; add at least one");
    }

    [Fact]
    [Requirement("CV-06")]
    public void Cluster_without_destinations_property_is_reported_at_the_cluster()
    {
        OneErrorAtMark(
            "{\"clusters\": {\n  \"c\": §{\"loadBalancing\": \"First\"}\n}}",
            "Cluster 'c' has no destinations");
    }

    [Theory]
    [Requirement("CV-06")]
    [InlineData("/relative")]
    [InlineData("relative/path")]
    [InlineData("ftp://files.example.com")]
    [InlineData("http://h:8080/?q=1")]
    [InlineData("http://h/#frag")]
    [InlineData("http://user:pass@h:8080")]
    [InlineData("http://")]
    [InlineData("file:///etc/passwd")]
    public void Bad_destination_address_is_reported_at_the_address(string address)
    {
        var error = OneErrorAtMark(
            "{\"clusters\": {\"c\": {\"destinations\": {\n  \"d1\": {\"address\": \"http://ok\"},\n  \"d2\": {\"address\": §\"" + address + "\"}\n}}}}",
            $"Address '{address}' of destination 'd2' is not an absolute http or https URL");
        Assert.Equal("clusters.c.destinations.d2.address", error.JsonPath);
    }

    [Fact]
    [Requirement("CV-06")]
    public void Empty_destination_address_is_reported_as_missing()
    {
        OneErrorAtMark(
            "{\"clusters\": {\"c\": {\"destinations\": {\"d\": {\"address\": §\"\"}}}}}",
            "Destination 'd' of cluster 'c' has no address");
    }

    [Fact]
    [Requirement("CV-06")]
    public void Destination_without_address_is_reported_at_the_destination()
    {
        OneErrorAtMark(
            "{\"clusters\": {\"c\": {\"destinations\": {\"d\": §{}}}}}",
            "Destination 'd' of cluster 'c' has no address");
    }

    [Theory]
    [Requirement("CV-06")]
    [InlineData("http://127.0.0.1:5001")]
    [InlineData("https://example.com")]
    [InlineData("https://example.com/base/path/")]
    [InlineData("http://[::1]:8080")]
    public void Good_destination_addresses_are_accepted(string address)
    {
        Assert.Empty(Validate("{\"clusters\": {\"c\": {\"destinations\": {\"d\": {\"address\": \"" + address + "\"}}}}}"));
    }

    [Theory]
    [Requirement("CV-07")]
    [InlineData("api", "must start with '/'")]
    [InlineData("/a//b", "has an empty segment ('//')")]
    [InlineData("/a{b}", "Segment 'a{b}' of path template '/a{b}' mixes text and a parameter")]
    [InlineData("/{a}{b}", "mixes text and a parameter")]
    [InlineData("/{a", "mixes text and a parameter")]
    [InlineData("/{**rest}/x", "Catch-all '{**rest}' in path template '/{**rest}/x' must be the last segment.")]
    [InlineData("/{id}/{ID}", "Parameter name 'ID' appears twice in path template '/{id}/{ID}'")]
    [InlineData("/{id}/{**id}", "Parameter name 'id' appears twice")]
    [InlineData("/{}", "Parameter '{}' in path template '/{}' needs a name")]
    [InlineData("/{**}", "Parameter '{**}' in path template '/{**}' needs a name")]
    [InlineData("/{a-b}", "needs a name of letters, digits or '_'")]
    [InlineData("/a?x=1", "must not contain '?' or '#'")]
    [InlineData("/a#x", "must not contain '?' or '#'")]
    public void Bad_path_template_is_reported_at_the_path(string template, string messagePart)
    {
        var error = OneErrorAtMark(OneRoute("\"id\": \"a\", \"cluster\": \"c\",\n     \"match\": {\"path\": §\"" + template + "\"}"), messagePart);
        Assert.Equal("routes[0].match.path", error.JsonPath);
    }

    [Fact]
    [Requirement("CV-07")]
    public void Missing_path_is_reported_at_match()
    {
        var error = OneErrorAtMark(OneRoute("\"id\": \"a\", \"cluster\": \"c\", \"match\": §{\"methods\": [\"GET\"]}"), "Route 'a' has no \"match\": {\"path\": ...}");
        Assert.Equal("routes[0].match.path", error.JsonPath);
    }

    [Fact]
    [Requirement("CV-07")]
    public void Missing_match_is_reported_at_the_route()
    {
        OneErrorAtMark("{\"routes\": [§{\"id\": \"a\", \"cluster\": \"c\"}], " + Cluster + "}", "Route 'a' has no \"match\"");
    }

    [Theory]
    [Requirement("CV-08")]
    [InlineData("GE T")]
    [InlineData("")]
    [InlineData("GET,POST")]
    [InlineData("(GET)")]
    [InlineData("GÉT")]
    public void Bad_method_is_reported_at_the_item(string method)
    {
        OneErrorAtMark(
            OneRoute("\"id\": \"a\", \"cluster\": \"c\", \"match\": {\"path\": \"/\", \"methods\": [\"GET\", §\"" + method + "\"]}"),
            $"'{method}' is not a valid HTTP method");
    }

    [Fact]
    [Requirement("CV-08")]
    public void Empty_methods_list_is_reported_at_the_list()
    {
        OneErrorAtMark(
            OneRoute("\"id\": \"a\", \"cluster\": \"c\", \"match\": {\"path\": \"/\", \"methods\": §[]}"),
            "Route 'a' has an empty \"methods\" list, which matches nothing");
    }

    [Theory]
    [Requirement("CV-08", "PX-03")]
    [InlineData("exa mple.com")]
    [InlineData("*")]
    [InlineData("*.")]
    [InlineData("a.*.com")]
    [InlineData("example.com:0")]
    [InlineData("example.com:65536")]
    [InlineData("example.com:http")]
    [InlineData("example.com:")]
    [InlineData("")]
    [InlineData("http://example.com")]
    [InlineData("example.com/path")]
    [InlineData(":8080")]
    [InlineData("::1")]
    public void Bad_host_is_reported_at_the_item(string host)
    {
        OneErrorAtMark(
            OneRoute("\"id\": \"a\", \"cluster\": \"c\", \"match\": {\"path\": \"/\", \"hosts\": [\"ok.com\", §\"" + host + "\"]}"),
            $"'{host}' is not a valid host");
    }

    [Theory]
    [Requirement("CV-08", "PX-03")]
    [InlineData("example.com")]
    [InlineData("*.example.com")]
    [InlineData("localhost:8080")]
    [InlineData("*.example.com:443")]
    [InlineData("127.0.0.1")]
    [InlineData("[::1]")]
    [InlineData("[::1]:8080")]
    [InlineData("xn--bcher-kva.example")]
    public void Good_hosts_are_accepted(string host)
    {
        Assert.Empty(Validate(OneRoute("\"id\": \"a\", \"cluster\": \"c\", \"match\": {\"path\": \"/\", \"hosts\": [\"" + host + "\"]}")));
    }

    [Fact]
    [Requirement("CV-08", "PX-03")]
    public void Empty_hosts_list_is_reported_at_the_list()
    {
        OneErrorAtMark(
            OneRoute("\"id\": \"a\", \"cluster\": \"c\", \"match\": {\"path\": \"/\", \"hosts\": §[]}"),
            "Route 'a' has an empty \"hosts\" list, which matches nothing");
    }

    [Theory]
    [Requirement("CV-08")]
    [InlineData(99)]
    [InlineData(100)]
    [InlineData(199)]
    [InlineData(600)]
    [InlineData(0)]
    [InlineData(-200)]
    public void Status_outside_200_to_599_is_reported_at_the_status(int status)
    {
        OneErrorAtMark(
            OneRoute("\"id\": \"a\", \"match\": {\"path\": \"/\"}, \"respond\": {\"status\": §" + status + "}"),
            $"Status {status} cannot be a final answer; use a number from 200 to 599.");
    }

    /// <summary>A 1xx sent as the final answer left the client waiting for a response that never came.</summary>
    [Theory]
    [Requirement("CV-08")]
    [InlineData(200)]
    [InlineData(599)]
    public void Status_at_the_bounds_is_accepted(int status)
    {
        Assert.Empty(Validate(OneRoute("\"id\": \"a\", \"match\": {\"path\": \"/\"}, \"respond\": {\"status\": " + status + "}")));
    }

    /// <summary>
    /// Found while probing direct responses on Kestrel: these passed validation, and then every request on the
    /// route failed with 500 ("Setting the header Content-Length is not allowed on responses with status code 204").
    /// </summary>
    [Theory]
    [Requirement("CV-08", "PX-04")]
    [InlineData(204)]
    [InlineData(205)]
    [InlineData(304)]
    public void Body_on_a_status_without_content_is_reported_at_the_body(int status)
    {
        OneErrorAtMark(
            OneRoute("\"id\": \"a\", \"match\": {\"path\": \"/\"}, \"respond\": {\"status\": " + status + ", \"body\": §\"x\"}"),
            $"Status {status} cannot carry a body");
    }

    [Theory]
    [Requirement("CV-08", "PX-04")]
    [InlineData("Content-Length")]
    [InlineData("transfer-encoding")]
    [InlineData("Connection")]
    public void A_framing_header_in_a_direct_response_is_reported_at_the_header(string name)
    {
        OneErrorAtMark(
            OneRoute("\"id\": \"a\", \"match\": {\"path\": \"/\"}, \"respond\": {\"headers\": {\"" + name + "\": §\"abc\"}}"),
            $"Header '{name}' frames the message or the connection and is set by the proxy; remove it.");
    }

    [Theory]
    [Requirement("CV-08", "PX-04")]
    [InlineData(204, "\"\"")]
    [InlineData(304, "null")]
    [InlineData(200, "\"x\"")]
    public void A_status_without_content_and_no_body_or_a_status_with_a_body_is_accepted(int status, string body)
    {
        Assert.Empty(Validate(OneRoute("\"id\": \"a\", \"match\": {\"path\": \"/\"}, \"respond\": {\"status\": " + status + ", \"body\": " + body + "}")));
    }

    [Theory]
    [Requirement("CV-08")]
    [InlineData("X Bad")]
    [InlineData("X:Bad")]
    [InlineData("X-Ü")]
    [InlineData("")]
    public void Bad_header_name_is_reported(string name)
    {
        OneErrorAtMark(
            OneRoute("\"id\": \"a\", \"match\": {\"path\": \"/\"}, \"respond\": {\"headers\": {\"X-Ok\": \"1\", \"" + name + "\": §\"v\"}}"),
            $"'{name}' is not a valid header name");
    }

    [Theory]
    [Requirement("CV-08")]
    [InlineData("a\\r\\nX-Injected: 1")]
    [InlineData("a\\nb")]
    [InlineData("a\\rb")]
    [InlineData("a\\u0000b")]
    public void Header_value_with_a_line_break_or_nul_is_reported(string escapedValue)
    {
        OneErrorAtMark(
            OneRoute("\"id\": \"a\", \"cluster\": \"c\", \"match\": {\"path\": \"/\"}, \"transforms\": {\"requestHeaders\": {\"X-Ok\": \"1\", \"X-Bad\": §\"" + escapedValue + "\"}}"),
            "The value of header 'X-Bad' contains a line break, a control character or a non-ASCII character");
    }

    /// <summary>
    /// Found while probing edge configs: these values passed validation, and then every request on the route
    /// failed with 500 on Kestrel ("Invalid non-ASCII or control character in header: 0x00E9").
    /// </summary>
    [Theory]
    [Requirement("CV-08", "PX-04")]
    [InlineData("caf\\u00e9")]
    [InlineData("a\\u0001b")]
    [InlineData("a\\u007fb")]
    [InlineData("\\ud83d\\ude00")]
    public void Header_value_with_a_control_or_non_ascii_character_is_reported(string escapedValue)
    {
        OneErrorAtMark(
            OneRoute("\"id\": \"a\", \"match\": {\"path\": \"/\"}, \"respond\": {\"body\": \"x\"}, \"transforms\": {\"responseHeaders\": {\"X-Ok\": \"a b\\tc\", \"X-Bad\": §\"" + escapedValue + "\"}}"),
            "The value of header 'X-Bad' contains a line break, a control character or a non-ASCII character");
    }

    [Fact]
    [Requirement("CV-08")]
    public void Response_header_transform_is_checked_too()
    {
        OneErrorAtMark(
            OneRoute("\"id\": \"a\", \"cluster\": \"c\", \"match\": {\"path\": \"/\"}, \"transforms\": {\"responseHeaders\": {\"Bad Name\": §\"v\"}}"),
            "'Bad Name' is not a valid header name");
    }

    [Theory]
    [Requirement("CV-08")]
    [InlineData("pathPrefix", "api")]
    [InlineData("pathPrefix", "/")]
    [InlineData("pathPrefix", "")]
    [InlineData("pathRemovePrefix", "/a?b")]
    [InlineData("pathRemovePrefix", "/a#b")]
    [InlineData("pathRemovePrefix", "/a//b")]
    public void Bad_prefix_is_reported_at_the_prefix(string property, string prefix)
    {
        OneErrorAtMark(
            OneRoute("\"id\": \"a\", \"cluster\": \"c\", \"match\": {\"path\": \"/\"}, \"transforms\": {\"" + property + "\": §\"" + prefix + "\"}"),
            $"'{prefix}' is not a path prefix");
    }

    [Theory]
    [Requirement("CV-08")]
    [InlineData("0s", "Timeout 0ms is out of range")]
    [InlineData("-1s", "Timeout -1000ms is out of range")]
    [InlineData("61m", "Timeout 3660000ms is out of range")]
    [InlineData("3600001ms", "Timeout 3600001ms is out of range")]
    [InlineData("01:00:01", "Timeout 3601000ms is out of range")]
    public void Route_timeout_out_of_range_is_reported_at_the_timeout(string timeout, string messagePart)
    {
        OneErrorAtMark(
            OneRoute("\"id\": \"a\", \"cluster\": \"c\", \"match\": {\"path\": \"/\"}, \"timeout\": §\"" + timeout + "\""),
            messagePart, "use a positive duration of at most 1 hour");
    }

    [Fact]
    [Requirement("CV-08")]
    public void Cluster_timeout_out_of_range_is_reported_at_the_timeout()
    {
        OneErrorAtMark(
            "{\"clusters\": {\"c\": {\"destinations\": {\"d\": {\"address\": \"http://a\"}},\n  \"timeout\": §\"0ms\"}}}",
            "Timeout 0ms is out of range");
    }

    [Theory]
    [Requirement("CV-08")]
    [InlineData("1ms")]
    [InlineData("60m")]
    [InlineData("01:00:00")]
    public void Timeout_in_range_is_accepted(string timeout)
    {
        Assert.Empty(Validate(OneRoute("\"id\": \"a\", \"cluster\": \"c\", \"match\": {\"path\": \"/\"}, \"timeout\": \"" + timeout + "\"")));
    }

    [Theory]
    [Requirement("CV-08", "CV-09")]
    [InlineData("Fastest")]
    [InlineData("roundrobin")]
    [InlineData("")]
    [InlineData("1")]
    [InlineData("-1")]
    [InlineData("RoundRobin, Random")]
    [InlineData(" First")]
    public void Unknown_load_balancing_name_is_reported_at_the_value(string name)
    {
        var (json, marks) = Marked("{\"clusters\": {\"c\": {\"destinations\": {\"d\": {\"address\": \"http://a\"}},\n  \"loadBalancing\": §\"" + name + "\"}}}");

        var parsed = Parse(json);

        var error = Single(parsed.Errors);
        AssertAt(error, marks[0].Line, marks[0].Column);
        Assert.Equal($"Unknown load balancing policy '{name}' in cluster 'c'. Use one of: RoundRobin, Random, First.", error.Message);
    }

    [Theory]
    [Requirement("CV-08")]
    [InlineData("RoundRobin")]
    [InlineData("Random")]
    [InlineData("First")]
    public void Known_load_balancing_names_are_accepted(string name)
    {
        Assert.Empty(Validate("{\"clusters\": {\"c\": {\"loadBalancing\": \"" + name + "\", \"destinations\": {\"d\": {\"address\": \"http://a\"}}}}}"));
    }
}
