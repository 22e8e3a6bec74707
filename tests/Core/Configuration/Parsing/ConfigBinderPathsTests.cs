using HotReloadProxy.Configuration.Parsing;
using static HotReload.Core.Tests.Configuration.ConfigText;

namespace HotReload.Core.Tests.Configuration.Parsing;

/// <summary>
/// Every field a binding error can be about is named by its full JSON path and every section by its own name, so
/// the message says exactly which value to fix.
/// </summary>
public sealed class ConfigBinderPathsTests
{
    private const string Cluster = "\"clusters\": {\"c\": {\"destinations\": {\"d\": {\"address\": \"http://h\"}}}}";

    [Theory]
    [Requirement("CV-09", "CV-02")]
    [InlineData("{\"routes\": [{\"id\": 5, \"match\": {\"path\": \"/\"}, \"respond\": {}}]}", "routes[0].id", "a string")]
    [InlineData("{\"routes\": [{\"id\": \"a\", \"match\": {\"path\": \"/\"}, \"cluster\": 5}]}", "routes[0].cluster", "a string")]
    [InlineData("{\"routes\": [{\"id\": \"a\", \"match\": {\"path\": 5}, \"respond\": {}}]}", "routes[0].match.path", "a string")]
    [InlineData("{\"routes\": [{\"id\": \"a\", \"match\": 5, \"respond\": {}}]}", "routes[0].match", "an object")]
    [InlineData("{\"routes\": [{\"id\": \"a\", \"match\": {\"path\": \"/\"}, \"respond\": {\"body\": 5}}]}", "routes[0].respond.body", "a string")]
    [InlineData("{\"routes\": [{\"id\": \"a\", \"match\": {\"path\": \"/\"}, \"respond\": {\"headers\": 5}}]}", "routes[0].respond.headers", "an object of header names to string values")]
    [InlineData("{\"routes\": [{\"id\": \"a\", \"match\": {\"path\": \"/\"}, \"respond\": {}, \"transforms\": {\"pathRemovePrefix\": 5}}]}", "routes[0].transforms.pathRemovePrefix", "a string")]
    [InlineData("{\"routes\": [{\"id\": \"a\", \"match\": {\"path\": \"/\"}, \"respond\": {}, \"transforms\": {\"pathPrefix\": 5}}]}", "routes[0].transforms.pathPrefix", "a string")]
    [InlineData("{\"clusters\": {\"c\": {\"destinations\": {\"d\": {\"address\": \"http://h\"}}, \"loadBalancing\": 5}}}", "clusters.c.loadBalancing", "a string")]
    [InlineData("{\"clusters\": {\"c\": {\"destinations\": {\"d\": {\"address\": 5}}}}}", "clusters.c.destinations.d.address", "a string")]
    [InlineData("{\"server\": 5}", "server", "an object")]
    [InlineData("{\"server\": {\"urls\": 5}}", "server.urls", "a string")]
    [InlineData("{\"server\": {\"adminUrls\": 5}}", "server.adminUrls", "a string")]
    public void A_wrongly_typed_value_is_reported_under_its_full_path(string json, string path, string expected)
    {
        var error = Single(Parse(json).Errors);

        Assert.Equal(path, error.JsonPath);
        Assert.StartsWith($"'{path}' must be {expected}, but it is ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Requirement("CV-09")]
    public void A_null_config_is_named_null()
    {
        var error = Single(Parse("null").Errors);

        Assert.Equal("The config must be a JSON object with \"routes\" and \"clusters\", but it is null.", error.Message);
    }

    [Theory]
    [Requirement("CV-09")]
    [InlineData("{\"routes\": [{\"id\": \"a\", \"match\": {\"path\": \"/\", \"x\": 1}, \"respond\": {}}]}", "in 'routes[0].match'.")]
    [InlineData("{\"routes\": [{\"id\": \"a\", \"match\": {\"path\": \"/\"}, \"respond\": {\"x\": 1}}]}", "in 'routes[0].respond'.")]
    [InlineData("{\"routes\": [{\"id\": \"a\", \"match\": {\"path\": \"/\"}, \"respond\": {}, \"transforms\": {\"x\": 1}}]}", "in 'routes[0].transforms'.")]
    [InlineData("{\"clusters\": {\"c\": {\"destinations\": {\"d\": {\"address\": \"http://h\"}}, \"x\": 1}}}", "in cluster 'c'.")]
    [InlineData("{\"server\": {\"x\": 1}}", "in 'server'.")]
    public void An_unknown_property_names_the_section_it_is_in(string json, string section)
    {
        var error = Single(Parse(json).Errors);

        Assert.StartsWith($"Unknown property 'x' {section} Allowed: ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [Requirement("CV-09")]
    [InlineData("trnsfrm", "transforms")]
    [InlineData("TRANSFORMS!", "transforms")]
    public void A_name_within_a_third_of_a_long_property_name_gets_that_suggestion(string name, string suggestion)
    {
        var error = Single(Parse("{\"routes\": [{\"id\": \"a\", \"match\": {\"path\": \"/\"}, \"respond\": {}, \"" + name + "\": {}}]}").Errors);

        Assert.StartsWith($"Unknown property '{name}' in route routes[0]. Did you mean '{suggestion}'?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Requirement("CV-09")]
    public void The_closest_of_several_near_names_is_suggested()
    {
        // "reponseHeaders" is 1 edit from responseHeaders and 4 from requestHeaders; both are within reach.
        var error = Single(Parse("{\"routes\": [{\"id\": \"a\", \"match\": {\"path\": \"/\"}, \"respond\": {}, \"transforms\": {\"reponseHeaders\": {}}}]}").Errors);

        Assert.StartsWith("Unknown property 'reponseHeaders' in 'routes[0].transforms'. Did you mean 'responseHeaders'?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Requirement("CV-09")]
    public void An_unknown_property_without_a_near_name_has_exactly_the_allowed_list_after_it()
    {
        var error = Single(Parse("{\"server\": {\"zzzzzzzz\": 1}}").Errors);

        Assert.Equal("Unknown property 'zzzzzzzz' in 'server'. Allowed: urls, adminUrls.", error.Message);
    }

    [Fact]
    [Requirement("CV-09")]
    public void A_cluster_defined_twice_keeps_the_first_definition_only()
    {
        var parsed = Parse(
            "{\"clusters\": {\n" +
            "  \"c\": {\"destinations\": {\"d\": {\"address\": \"http://first\"}}},\n" +
            "  \"c\": {\"destinations\": {\"d\": {\"address\": 5}}}\n" +
            "}}");

        var error = Single(parsed.Errors);
        AssertAt(error, 3, 3);
        Assert.Equal("Cluster 'c' is defined twice; keep one.", error.Message);
        var cluster = Assert.Single(parsed.Config.Clusters);
        Assert.Equal("http://first", cluster.Value.Destinations["d"].Address);
    }

    [Fact]
    [Requirement("CV-09")]
    public void A_destination_listed_twice_keeps_the_first_address_only()
    {
        var parsed = Parse("{\"clusters\": {\"c\": {\"destinations\": {\"d\": {\"address\": \"http://first\"}, \"d\": {\"address\": 5}}}}}");

        var error = Single(parsed.Errors);
        Assert.Equal("Destination 'd' appears twice in cluster 'c'; keep one.", error.Message);
        var destination = Assert.Single(parsed.Config.Clusters["c"].Destinations);
        Assert.Equal("http://first", destination.Value.Address);
    }

    [Fact]
    [Requirement("CV-09")]
    public void A_destination_that_is_not_an_object_is_one_type_error_and_binds_no_destination()
    {
        var parsed = Parse("{\"clusters\": {\"c\": {\"destinations\": {\"d\": 5, \"e\": {\"address\": \"http://e\"}}}}}");

        var error = Single(parsed.Errors);
        Assert.Equal("'clusters.c.destinations.d' must be an object, but it is a number.", error.Message);
        Assert.Equal(["e"], parsed.Config.Clusters["c"].Destinations.Keys);
    }

    [Theory]
    [Requirement("PX-06")]
    [InlineData("RoundRobin", "RoundRobin")]
    [InlineData("Random", "Random")]
    [InlineData("First", "First")]
    public void Each_load_balancing_name_binds_to_its_policy(string name, string policy)
    {
        var parsed = Parse("{\"clusters\": {\"c\": {\"loadBalancing\": \"" + name + "\", \"destinations\": {\"d\": {\"address\": \"http://h\"}}}}}");

        Assert.Empty(parsed.Errors);
        Assert.Equal(policy, parsed.Config.Clusters["c"].LoadBalancing.ToString());
    }

    [Theory]
    [Requirement("CV-08", "CV-09")]
    [InlineData("random")]
    [InlineData("1")]
    [InlineData("RoundRobin,First")]
    public void A_load_balancing_name_in_another_case_or_a_number_is_unknown(string name)
    {
        var parsed = Parse("{\"clusters\": {\"c\": {\"loadBalancing\": \"" + name + "\", \"destinations\": {\"d\": {\"address\": \"http://h\"}}}}}");

        var error = Single(parsed.Errors);
        Assert.Equal($"Unknown load balancing policy '{name}' in cluster 'c'. Use one of: RoundRobin, Random, First.", error.Message);
        Assert.Equal("RoundRobin", parsed.Config.Clusters["c"].LoadBalancing.ToString());
    }

    [Fact]
    [Requirement("CV-01", "CV-02")]
    public void A_path_that_was_not_in_the_file_is_located_at_the_root_object()
    {
        var parsed = Parse("\n  {" + Cluster + "}");

        Assert.Equal(new SourcePosition(2, 3), parsed.Positions.Locate("routes[3].match.path"));
        Assert.Equal(new SourcePosition(2, 3), parsed.Positions.Locate("$"));
        Assert.Equal(new SourcePosition(2, 22), parsed.Positions.Locate("clusters.c.timeout"));
    }

    [Fact]
    [Requirement("CV-09")]
    public void A_root_that_is_not_an_object_is_reported_at_the_root_path()
    {
        Assert.Equal("$", Single(Parse("[]").Errors).JsonPath);
    }
}
