using System.Text;
using HotReloadProxy.Configuration.Model;
using HotReloadProxy.Configuration.Parsing;
using static HotReload.Core.Tests.Configuration.ConfigText;

namespace HotReload.Core.Tests.Configuration.Parsing;

/// <summary>
/// Binding reads the file once, front to back: a value it does not keep (the wrong type, a repeated name) is skipped
/// whole, so nothing inside it is mistaken for the properties around it, and null means "not set" for every section.
/// </summary>
public sealed class ConfigBinderSkippingTests
{
    [Theory]
    [Requirement("CV-09")]
    [InlineData("{\"routes\": {\"id\": \"a\", \"cluster\": \"c\"}}", "routes")]
    [InlineData("{\"routes\": [{\"id\": \"a\", \"order\": {\"cluster\": \"c\"}, \"match\": {\"path\": \"/\"}, \"respond\": {}}]}", "routes[0].order")]
    [InlineData("{\"routes\": [{\"id\": \"a\", \"match\": {\"path\": \"/\"}, \"respond\": {\"headers\": {\"X-A\": \"1\", \"x-a\": {\"status\": 1}}}}]}", "routes[0].respond.headers.x-a")]
    [InlineData("{\"routes\": [{\"id\": {\"match\": 1}, \"match\": {\"path\": \"/\"}, \"respond\": {}}]}", "routes[0].id")]
    [InlineData("{\"routes\": [{\"id\": \"a\", \"match\": [\"path\", {\"hosts\": 1}], \"respond\": {}}]}", "routes[0].match")]
    public void A_value_not_kept_is_skipped_whole_so_nothing_inside_it_is_read_as_a_property(string json, string path)
    {
        var error = Single(Parse(json).Errors);

        Assert.Equal(path, error.JsonPath);
    }

    [Fact]
    [Requirement("CV-09")]
    public void A_cluster_repeated_with_an_object_value_is_skipped_whole_and_the_first_kept()
    {
        var parsed = Parse("{\"clusters\": {\"c\": {\"destinations\": {\"d\": {\"address\": \"http://first\"}}}, " +
                           "\"c\": {\"destinations\": {\"d\": {\"address\": \"http://second\"}}, \"loadBalancing\": \"nope\"}}}");

        var error = Single(parsed.Errors);
        Assert.Equal("clusters.c", error.JsonPath);
        Assert.Equal("http://first", parsed.Config.Clusters["c"].Destinations["d"].Address);
    }

    [Fact]
    [Requirement("CV-09")]
    public void Null_sections_are_not_set_and_bind_without_an_error()
    {
        // Each null is followed by a value that must still land where it belongs: a null read as the start of a
        // section would take the properties after it for its own.
        var parsed = Parse("{\"routes\": [{\"match\": null, \"order\": null, \"respond\": null, \"transforms\": null, \"timeout\": null, \"id\": \"a\", \"cluster\": \"c\"}], " +
                           "\"clusters\": {\"c\": {\"destinations\": null, \"loadBalancing\": null, \"timeout\": \"5s\"}}, \"server\": null, \"$schema\": \"s\"}");

        Assert.Empty(parsed.Errors);
        var route = Assert.Single(parsed.Config.Routes);
        Assert.Equal(("a", "c"), (route.Id, route.Cluster));
        Assert.Equal(new RouteMatch(), route.Match);
        Assert.Equal(0, route.Order);
        Assert.Null(route.Respond);
        Assert.Null(route.Transforms);
        Assert.Null(route.Timeout);
        var cluster = Assert.Single(parsed.Config.Clusters).Value;
        Assert.Empty(cluster.Destinations);
        Assert.Equal(LoadBalancingPolicy.RoundRobin, cluster.LoadBalancing);
        Assert.Equal(TimeSpan.FromSeconds(5), cluster.Timeout);
        Assert.Null(parsed.Config.Server);
    }

    [Fact]
    [Requirement("CV-09")]
    public void Null_routes_and_clusters_bind_as_empty()
    {
        var parsed = Parse("{\"clusters\": null, \"routes\": null, \"server\": {\"urls\": \"http://127.0.0.1:1\"}}");

        Assert.Empty(parsed.Errors);
        Assert.Empty(parsed.Config.Routes);
        Assert.Empty(parsed.Config.Clusters);
        Assert.Equal("http://127.0.0.1:1", parsed.Config.Server!.Urls);
    }

    [Theory]
    [Requirement("CV-09")]
    [InlineData("1")]
    [InlineData("roundrobin")]
    public void A_load_balancing_policy_is_one_of_the_names_as_written_not_a_number_or_another_case(string policy)
    {
        var error = Single(Parse("{\"clusters\": {\"c\": {\"loadBalancing\": \"" + policy + "\", \"destinations\": {\"d\": {\"address\": \"http://h\"}}}}}").Errors);

        Assert.Equal("clusters.c.loadBalancing", error.JsonPath);
        Assert.StartsWith($"Unknown load balancing policy '{policy}' in cluster 'c'.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Requirement("CV-09")]
    public void A_property_given_three_times_is_reported_twice_and_the_first_value_kept()
    {
        var parsed = Parse("{\"routes\": [{\"id\": \"a\", \"id\": \"b\", \"id\": \"c\", \"match\": {\"path\": \"/\"}, \"respond\": {}}]}");

        Assert.Equal(2, parsed.Errors.Count);
        Assert.All(parsed.Errors, e => Assert.Equal("Property 'id' appears twice in route routes[0]; keep one.", e.Message));
        Assert.Equal("a", parsed.Config.Routes[0].Id);
    }

    [Fact]
    [Requirement("CV-09")]
    public void A_header_name_seen_in_one_map_is_no_repeat_in_the_next_map_of_any_size()
    {
        // The repeat check is reused from map to map; past its scan limit it keeps a set, which must be emptied too.
        var many = string.Join(", ", Enumerable.Range(1, 12).Select(i => $"\"X-H{i}\": \"v\""));
        var parsed = Parse("{\"routes\": [{\"id\": \"a\", \"match\": {\"path\": \"/\"}, \"respond\": {\"headers\": {" + many + "}}, " +
                           "\"transforms\": {\"requestHeaders\": {\"X-H1\": \"v\"}, \"responseHeaders\": {" + many + "}}}]}");

        Assert.Empty(parsed.Errors);
        Assert.Equal(12, parsed.Config.Routes[0].Transforms!.ResponseHeaders!.Count);
    }

    [Fact]
    [Requirement("CV-01")]
    public void Text_that_is_not_utf8_before_a_syntax_error_is_the_error_reported()
    {
        // The first problem in the file is the one a reader meets first, as for any other pair of errors.
        var bytes = Encoding.UTF8.GetBytes("{\"extra\": \"X\", \"routes\": [}");
        bytes[Array.IndexOf(bytes, (byte)'X')] = 0xFF;

        var error = Single(ConfigParser.Parse(bytes).Errors);

        Assert.StartsWith("Invalid text: ", error.Message, StringComparison.Ordinal);
        Assert.Equal(new SourcePosition(1, 11), error.Position);
    }
}
