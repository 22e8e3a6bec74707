using HotReloadProxy.Configuration.Parsing;
using HotReloadProxy.Configuration.Validation;
using static HotReload.Core.Tests.Configuration.ConfigText;

namespace HotReload.Core.Tests.Configuration.Validation;

public sealed class ConfigValidatorLimitsAndAllErrorsTests
{
    private static readonly ConfigLimits Small = new()
    {
        MaxRoutes = 2,
        MaxClusters = 1,
        MaxDestinationsPerCluster = 2,
        MaxHeadersPerMap = 1,
        MaxStringLength = 8,
        MaxBodyLength = 4,
    };

    private static void OneErrorAtMark(string marked, string message)
    {
        var (json, marks) = Marked(marked);
        var error = Single(Validate(json, Small));
        AssertAt(error, marks[0].Line, marks[0].Column);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    [Requirement("CV-10")]
    public void Config_exactly_at_every_limit_is_valid()
    {
        var json = """
            {
              "routes": [
                {"id": "12345678", "match": {"path": "/2345678"}, "respond": {"body": "1234", "headers": {"X-A": "12345678"}}},
                {"id": "b", "match": {"path": "/b"}, "cluster": "12345678",
                 "transforms": {"requestHeaders": {"X-B": "1"}, "responseHeaders": {"X-C": "1"}}}
              ],
              "clusters": {"12345678": {"destinations": {"d1": {"address": "http://a"}, "d2": {"address": "http://b"}}}}
            }
            """;

        var errors = Validate(json, Small);

        Assert.Empty(errors);
    }

    [Fact]
    [Requirement("CV-10")]
    public void Too_many_routes_is_reported_at_the_routes_array()
    {
        OneErrorAtMark(
            "{\"routes\": §[\n" +
            "  {\"id\": \"a\", \"match\": {\"path\": \"/a\"}, \"respond\": {}},\n" +
            "  {\"id\": \"b\", \"match\": {\"path\": \"/b\"}, \"respond\": {}},\n" +
            "  {\"id\": \"c\", \"match\": {\"path\": \"/c\"}, \"respond\": {}}\n" +
            "]}",
            "There are 3 routes; the limit is 2. Split the config or merge routes with templates.");
    }

    [Fact]
    [Requirement("CV-10")]
    public void Too_many_clusters_is_reported_at_the_clusters_object()
    {
        OneErrorAtMark(
            "{\"clusters\": §{\n" +
            "  \"a\": {\"destinations\": {\"d\": {\"address\": \"http://a\"}}},\n" +
            "  \"b\": {\"destinations\": {\"d\": {\"address\": \"http://b\"}}}\n" +
            "}}",
            "There are 2 clusters; the limit is 1.");
    }

    [Fact]
    [Requirement("CV-10")]
    public void Too_many_destinations_is_reported_at_the_destinations_object()
    {
        OneErrorAtMark(
            "{\"clusters\": {\"a\": {\"destinations\": §{\n" +
            "  \"d1\": {\"address\": \"http://a\"}, \"d2\": {\"address\": \"http://b\"}, \"d3\": {\"address\": \"http://c\"}\n" +
            "}}}}",
            "Cluster 'a' has 3 destinations; the limit is 2.");
    }

    [Fact]
    [Requirement("CV-10")]
    public void Too_many_headers_is_reported_at_the_header_map()
    {
        OneErrorAtMark(
            "{\"routes\": [{\"id\": \"a\", \"match\": {\"path\": \"/a\"},\n \"respond\": {\"headers\": §{\"X-A\": \"1\", \"X-B\": \"2\"}}}]}",
            "'routes[0].respond.headers' sets 2 headers; the limit is 1.");
    }

    [Fact]
    [Requirement("CV-10")]
    public void Too_many_request_header_transforms_is_reported()
    {
        OneErrorAtMark(
            "{\"routes\": [{\"id\": \"a\", \"match\": {\"path\": \"/a\"}, \"respond\": {},\n \"transforms\": {\"requestHeaders\": §{\"X-A\": \"1\", \"X-B\": \"2\"}}}]}",
            "'routes[0].transforms.requestHeaders' sets 2 headers; the limit is 1.");
    }

    [Fact]
    [Requirement("CV-10")]
    public void Too_long_id_is_reported_at_the_id()
    {
        OneErrorAtMark(
            "{\"routes\": [{\"id\": §\"123456789\", \"match\": {\"path\": \"/a\"}, \"respond\": {}}]}",
            "'routes[0].id' is 9 characters long; the limit is 8.");
    }

    [Fact]
    [Requirement("CV-10")]
    public void Too_long_path_is_reported_at_the_path()
    {
        OneErrorAtMark(
            "{\"routes\": [{\"id\": \"a\", \"match\": {\"path\": §\"/23456789\"}, \"respond\": {}}]}",
            "'routes[0].match.path' is 9 characters long; the limit is 8.");
    }

    [Fact]
    [Requirement("CV-10")]
    public void Too_long_body_is_reported_at_the_body()
    {
        OneErrorAtMark(
            "{\"routes\": [{\"id\": \"a\", \"match\": {\"path\": \"/a\"}, \"respond\": {\"body\": §\"12345\"}}]}",
            "'routes[0].respond.body' is 5 characters long; the limit is 4.");
    }

    [Fact]
    [Requirement("CV-10")]
    public void Too_long_header_value_is_reported_at_the_value()
    {
        OneErrorAtMark(
            "{\"routes\": [{\"id\": \"a\", \"match\": {\"path\": \"/a\"}, \"respond\": {},\n \"transforms\": {\"responseHeaders\": {\"X-A\": §\"123456789\"}}}]}",
            "'routes[0].transforms.responseHeaders.X-A' is 9 characters long; the limit is 8.");
    }

    [Fact]
    [Requirement("CV-10")]
    public void Too_long_cluster_name_is_reported_at_the_cluster()
    {
        OneErrorAtMark(
            "{\"clusters\": {\"123456789\": §{\"destinations\": {\"d\": {\"address\": \"http://a\"}}}}}",
            "'clusters.123456789' is 9 characters long; the limit is 8.");
    }

    [Fact]
    [Requirement("CV-10")]
    public void Default_limits_are_the_documented_ones()
    {
        var limits = ConfigLimits.Default;

        Assert.Equal(50_000, limits.MaxRoutes);
        Assert.Equal(10_000, limits.MaxClusters);
        Assert.Equal(1_000, limits.MaxDestinationsPerCluster);
        Assert.Equal(64, limits.MaxHeadersPerMap);
        Assert.Equal(8 * 1024, limits.MaxStringLength);
        Assert.Equal(1024 * 1024, limits.MaxBodyLength);
    }

    [Fact]
    [Requirement("CV-02", "CV-03", "CV-04", "CV-05", "CV-06", "CV-07", "CV-08")]
    public void Every_error_is_reported_in_one_call_sorted_by_position()
    {
        var (json, marks) = Marked(
            "{\n" +
            "  \"routes\": [\n" +
            "    {\"id\": \"a\", \"match\": {\"path\": §\"api\"}, \"cluster\": §\"missing\"},\n" +
            "    {\"id\": §\"a\", \"match\": {\"path\": \"/b\", \"methods\": [§\"G T\"]}, \"respond\": {\"status\": §700}},\n" +
            "    §§{\"match\": {\"path\": \"/c\"}}\n" +
            "  ],\n" +
            "  \"clusters\": {\"c\": {\"destinations\": §{}}, \"e\": {\"destinations\": {\"d\": {\"address\": §\"ftp://x\"}}, \"timeout\": §\"0s\"}}\n" +
            "}");
        string[] expected =
        [
            "Path template 'api' must start with '/'.",
            "Route 'a' names cluster 'missing', which does not exist (defined: c, e).",
            "Route id 'a' is used twice (first by routes[0])",
            "'G T' is not a valid HTTP method",
            "Status 700 cannot be a final answer",
            "Route routes[2] has no id",
            "Route #2 has neither \"cluster\" nor \"respond\"",
            "Cluster 'c' has no destinations",
            "Address 'ftp://x' of destination 'd' is not an absolute http or https URL",
            "Timeout 0ms is out of range",
        ];

        var errors = Validate(json);

        Assert.Equal(marks, errors.Select(e => e.Position).ToList());
        Assert.Equal(expected.Length, errors.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Contains(expected[i], errors[i].Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    [Requirement("CV-02")]
    public void Errors_come_back_sorted_even_when_rules_find_them_out_of_order()
    {
        // The timeout rule runs before the destinations rule, but the address comes first in the file.
        var (json, marks) = Marked(
            "{\"clusters\": {\n" +
            "  \"c\": {\"destinations\": {\"d\": {\"address\": §\"x\"}},\n" +
            "         \"timeout\": §\"0s\"}\n" +
            "}}");

        var errors = Validate(json);

        Assert.Equal(marks, errors.Select(e => e.Position).ToList());
        Assert.Equal("clusters.c.destinations.d.address", errors[0].JsonPath);
        Assert.Equal("clusters.c.timeout", errors[1].JsonPath);
    }

    [Fact]
    [Requirement("CV-02")]
    public void Validator_uses_the_source_map_for_positions()
    {
        var parsed = Parse("{\"routes\": [{\"id\": \"a\", \"match\": {\"path\": \"/\"}}]}");

        var withMap = new ConfigValidator().Validate(parsed.Config, parsed.Positions).Errors;
        var withoutMap = new ConfigValidator().Validate(parsed.Config, SourceMap.Empty).Errors;

        AssertAt(Single(withMap), 1, 13);
        AssertAt(Single(withoutMap), 1, 1);
    }
}
