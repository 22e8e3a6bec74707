using HotReloadProxy.Configuration.Model;
using static HotReload.Core.Tests.Configuration.ConfigText;

namespace HotReload.Core.Tests.Configuration.Parsing;

/// <summary>Shape errors found while binding: wrong types, unknown and duplicated properties, each at its position.</summary>
public sealed class ConfigBinderTests
{
    [Fact]
    [Requirement("CV-09", "CV-02")]
    public void Order_given_as_a_string_is_a_type_error_at_the_value()
    {
        var parsed = Parse(
            "{\n" +
            "  \"routes\": [\n" +
            "    {\"id\": \"a\", \"order\": \"x\", \"match\": {\"path\": \"/\"}, \"respond\": {}}\n" +
            "  ]\n" +
            "}");

        var error = Single(parsed.Errors);
        Assert.False(parsed.IsSyntaxError);
        AssertAt(error, 3, 26);
        Assert.Equal("routes[0].order", error.JsonPath);
        Assert.Equal("'routes[0].order' must be a whole number such as 10, but it is a string.", error.Message);
    }

    [Fact]
    [Requirement("CV-09")]
    public void Order_given_as_a_fraction_is_a_type_error_naming_the_number()
    {
        var parsed = Parse("{\"routes\": [{\"id\": \"a\", \"order\": 1.5, \"match\": {\"path\": \"/\"}, \"respond\": {}}]}");

        var error = Single(parsed.Errors);
        AssertAt(error, 1, 34);
        Assert.Contains("the number 1.5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Requirement("CV-09", "CV-02")]
    public void Methods_given_as_a_string_is_a_type_error_at_the_value()
    {
        var parsed = Parse(
            "{\"routes\": [{\"id\": \"a\",\n" +
            "  \"match\": {\"path\": \"/\", \"methods\": \"GET\"}, \"respond\": {}}]}");

        var error = Single(parsed.Errors);
        AssertAt(error, 2, 37);
        Assert.Equal("'routes[0].match.methods' must be an array of strings, but it is a string.", error.Message);
    }

    [Fact]
    [Requirement("CV-09")]
    public void A_method_that_is_not_a_string_is_a_type_error_at_the_item()
    {
        var parsed = Parse("{\"routes\": [{\"id\": \"a\", \"match\": {\"path\": \"/\", \"methods\": [\"GET\", 5]}, \"respond\": {}}]}");

        var error = Single(parsed.Errors);
        AssertAt(error, 1, 67);
        Assert.Equal("'routes[0].match.methods[1]' must be a string, but it is a number.", error.Message);
    }

    [Fact]
    [Requirement("CV-09")]
    public void A_null_method_is_a_type_error_at_the_item_not_dropped()
    {
        // Dropping it would silently widen or narrow what the route matches.
        var parsed = Parse("{\"routes\": [{\"id\": \"a\", \"match\": {\"path\": \"/\", \"methods\": [\"GET\", null]}, \"respond\": {}}]}");

        var error = Single(parsed.Errors);
        AssertAt(error, 1, 67);
        Assert.Equal("'routes[0].match.methods[1]' must be a string, but it is null. Give it a value or remove it.", error.Message);
    }

    [Fact]
    [Requirement("CV-09")]
    public void A_null_header_value_is_a_type_error_at_the_value_not_dropped()
    {
        var error = Single(Parse("{\"routes\": [{\"id\": \"a\", \"match\": {\"path\": \"/\"}, \"cluster\": \"c\", \"transforms\": {\"requestHeaders\": {\"X-A\": null}}}]}").Errors);

        AssertAt(error, 1, 106);
        Assert.Equal("'routes[0].transforms.requestHeaders.X-A' must be a string, but it is null. Give it a value or remove it.", error.Message);
    }

    [Theory]
    [Requirement("CV-09", "CV-02")]
    [InlineData("\"respond\": 5", "routes[0].respond")]
    [InlineData("\"cluster\": \"c\", \"transforms\": []", "routes[0].transforms")]
    [InlineData("\"respond\": {\"status\": \"x\"}", "routes[0].respond.status")]
    [InlineData("\"cluster\": \"c\", \"transforms\": {\"pathPrefix\": 5}", "routes[0].transforms.pathPrefix")]
    [InlineData("\"cluster\": \"c\", \"match\": {\"path\": \"/\", \"methods\": [5]}", "routes[0].match.methods[0]")]
    [InlineData("\"cluster\": \"c\", \"match\": {\"path\": \"/\", \"hosts\": [\"a\", true]}", "routes[0].match.hosts[1]")]
    public void A_type_error_inside_a_block_names_its_full_path(string routeBody, string path)
    {
        var error = Single(Parse("{\"routes\": [{\"id\": \"a\", " + routeBody + "}]}").Errors);

        Assert.Equal(path, error.JsonPath);
        Assert.StartsWith($"'{path}' must be", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [Requirement("CV-09")]
    [InlineData(2)]
    [InlineData(12)]
    public void A_header_or_destination_repeated_in_a_block_of_any_size_is_reported(int size)
    {
        // Up to 8 names a repeat is found by a scan, past that by a set: both must report it.
        var headers = string.Join(", ", Enumerable.Range(1, size - 1).Select(i => $"\"X-H{i}\": \"v\"")) + ", \"x-h1\": \"again\"";
        var destinations = string.Join(", ", Enumerable.Range(1, size - 1).Select(i => $"\"d{i}\": {{\"address\": \"http://127.0.0.1:{i}\"}}")) +
            ", \"d1\": {\"address\": \"http://127.0.0.1:99\"}";
        var parsed = Parse("{\"routes\": [{\"id\": \"a\", \"match\": {\"path\": \"/\"}, \"cluster\": \"c\", \"transforms\": {\"requestHeaders\": {" + headers + "}}}], " +
            "\"clusters\": {\"c\": {\"destinations\": {" + destinations + "}}}}");

        Assert.Equal(2, parsed.Errors.Count);
        Assert.Contains(parsed.Errors, e => e.JsonPath == "routes[0].transforms.requestHeaders.x-h1" && e.Message.Contains("appears twice", StringComparison.Ordinal));
        Assert.Contains(parsed.Errors, e => e.JsonPath == "clusters.c.destinations.d1" && e.Message.Contains("appears twice", StringComparison.Ordinal));
        Assert.Equal(size - 1, parsed.Config.Routes[0].Transforms!.RequestHeaders!.Count);
        Assert.Equal(size - 1, parsed.Config.Clusters["c"].Destinations.Count);
    }

    [Fact]
    [Requirement("CV-09", "CV-02")]
    public void Routes_given_as_an_object_is_a_type_error_at_the_value()
    {
        var parsed = Parse("{\n  \"clusters\": {},\n  \"routes\": {}\n}");

        var error = Single(parsed.Errors);
        AssertAt(error, 3, 13);
        Assert.Equal("'routes' must be an array of route objects, but it is an object.", error.Message);
    }

    [Theory]
    [Requirement("CV-09")]
    [InlineData("[]", "an array")]
    [InlineData("\"x\"", "a string")]
    [InlineData("7", "a number")]
    [InlineData("true", "a boolean")]
    public void A_root_that_is_not_an_object_is_one_error_at_1_1(string json, string kind)
    {
        var error = Single(Parse(json).Errors);

        AssertAt(error, 1, 1);
        Assert.Contains($"must be a JSON object with \"routes\" and \"clusters\", but it is {kind}.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Requirement("CV-09")]
    public void Status_as_a_string_and_timeout_as_a_number_are_type_errors()
    {
        var parsed = Parse(
            "{\"routes\": [{\"id\": \"a\", \"match\": {\"path\": \"/\"},\n" +
            "  \"respond\": {\"status\": \"200\"},\n" +
            "  \"timeout\": 30}]}");

        Assert.Equal(2, parsed.Errors.Count);
        AssertAt(parsed.Errors[0], 2, 25);
        Assert.Equal("'routes[0].respond.status' must be a whole number such as 200, but it is a string.", parsed.Errors[0].Message);
        AssertAt(parsed.Errors[1], 3, 14);
        Assert.Equal("'routes[0].timeout' must be a string, but it is a number.", parsed.Errors[1].Message);
    }

    [Fact]
    [Requirement("CV-09")]
    public void An_unparseable_duration_is_an_error_with_examples()
    {
        var error = Single(Parse("{\"clusters\": {\"c\": {\"destinations\": {\"d\": {\"address\": \"http://h\"}}, \"timeout\": \"soon\"}}}").Errors);

        AssertAt(error, 1, 80);
        Assert.Equal("clusters.c.timeout", error.JsonPath);
        Assert.Contains("'clusters.c.timeout' is not a duration: 'soon'.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Requirement("CV-09", "CV-02")]
    public void Unknown_route_property_is_reported_at_its_name_with_a_suggestion()
    {
        var parsed = Parse(
            "{\n" +
            "  \"routes\": [\n" +
            "    {\"id\": \"a\", \"match\": {\"path\": \"/\"}, \"clustr\": \"c\"}\n" +
            "  ]\n" +
            "}");

        var error = Single(parsed.Errors);
        AssertAt(error, 3, 41);
        Assert.Equal("routes[0].clustr", error.JsonPath);
        Assert.StartsWith("Unknown property 'clustr' in route routes[0]. Did you mean 'cluster'?", error.Message, StringComparison.Ordinal);
        Assert.Contains("Allowed: id, match, order, cluster, respond, transforms, timeout.", error.Message, StringComparison.Ordinal);
        Assert.Null(parsed.Config.Routes[0].Cluster);
    }

    [Fact]
    [Requirement("CV-09")]
    public void Unknown_top_level_property_suggests_the_close_name()
    {
        var error = Single(Parse("{\"routes\": [],\n \"clustrs\": {}}").Errors);

        AssertAt(error, 2, 2);
        Assert.StartsWith("Unknown property 'clustrs' in the config. Did you mean 'clusters'?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Requirement("CV-09")]
    public void Unknown_property_far_from_every_name_has_no_suggestion()
    {
        var error = Single(Parse("{\"routes\": [], \"clusters\": {}, \"zzzzzzzzzz\": 1}").Errors);

        AssertAt(error, 1, 32);
        Assert.DoesNotContain("Did you mean", error.Message, StringComparison.Ordinal);
        Assert.Contains("Allowed: $schema, routes, clusters, server.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Requirement("CV-09")]
    public void Unknown_property_in_a_destination_is_reported()
    {
        var error = Single(Parse("{\"clusters\": {\"c\": {\"destinations\": {\"d\": {\"address\": \"http://h\", \"adress\": \"x\"}}}}}").Errors);

        AssertAt(error, 1, 67);
        Assert.StartsWith("Unknown property 'adress' in destination 'd'. Did you mean 'address'?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Requirement("CV-09")]
    public void Property_names_are_case_sensitive()
    {
        var error = Single(Parse("{\"Routes\": []}").Errors);

        AssertAt(error, 1, 2);
        Assert.StartsWith("Unknown property 'Routes' in the config. Did you mean 'routes'?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Requirement("CV-09", "CV-02")]
    public void Duplicate_property_is_reported_at_the_second_name()
    {
        var parsed = Parse("{\n  \"routes\": [],\n  \"clusters\": {},\n  \"routes\": []\n}");

        var error = Single(parsed.Errors);
        AssertAt(error, 4, 3);
        Assert.Equal("Property 'routes' appears twice in the config; keep one.", error.Message);
    }

    [Fact]
    [Requirement("CV-09")]
    public void Duplicate_route_property_is_reported_and_the_first_value_is_kept()
    {
        var parsed = Parse("{\"routes\": [{\"id\": \"a\", \"id\": \"b\", \"match\": {\"path\": \"/\"}, \"respond\": {}}]}");

        var error = Single(parsed.Errors);
        AssertAt(error, 1, 25);
        Assert.Equal("Property 'id' appears twice in route routes[0]; keep one.", error.Message);
        Assert.Equal("a", parsed.Config.Routes[0].Id);
    }

    [Fact]
    [Requirement("CV-09")]
    public void Duplicate_cluster_and_destination_names_are_reported_at_the_second_name()
    {
        var parsed = Parse(
            "{\"clusters\": {\n" +
            "  \"c\": {\"destinations\": {\"d\": {\"address\": \"http://a\"}, \"d\": {\"address\": \"http://b\"}}},\n" +
            "  \"c\": {\"destinations\": {\"d\": {\"address\": \"http://c\"}}}\n" +
            "}}");

        Assert.Equal(2, parsed.Errors.Count);
        AssertAt(parsed.Errors[0], 2, 56);
        Assert.Equal("Destination 'd' appears twice in cluster 'c'; keep one.", parsed.Errors[0].Message);
        AssertAt(parsed.Errors[1], 3, 3);
        Assert.Equal("Cluster 'c' is defined twice; keep one.", parsed.Errors[1].Message);
    }

    [Fact]
    [Requirement("CV-09")]
    public void Duplicate_header_names_differing_in_case_are_reported_at_the_second_name()
    {
        var parsed = Parse(
            "{\"routes\": [{\"id\": \"a\", \"match\": {\"path\": \"/\"}, \"respond\": {\"headers\": {\n" +
            "  \"X-Trace\": \"1\",\n" +
            "  \"x-trace\": \"2\"}}}]}");

        var error = Single(parsed.Errors);
        AssertAt(error, 3, 3);
        Assert.Equal("Header 'x-trace' appears twice in 'routes[0].respond.headers' (header names ignore case); keep one.", error.Message);
        Assert.Equal("1", parsed.Config.Routes[0].Respond!.Headers!["X-TRACE"]);
    }

    [Fact]
    [Requirement("CV-09")]
    public void A_header_repeated_after_one_whose_value_is_not_a_string_is_still_reported_as_repeated()
    {
        var parsed = Parse(
            "{\"routes\": [{\"id\": \"a\", \"match\": {\"path\": \"/\"}, \"respond\": {\"headers\": {\n" +
            "  \"X-Trace\": 1,\n" +
            "  \"x-trace\": \"2\"}}}]}");

        Assert.Equal(2, parsed.Errors.Count);
        Assert.Contains(parsed.Errors, e => e.Message.Contains("must be a string", StringComparison.Ordinal));
        var repeated = Assert.Single(parsed.Errors, e => e.Message.Contains("appears twice", StringComparison.Ordinal));
        AssertAt(repeated, 3, 3);
    }

    [Fact]
    [Requirement("CV-09")]
    public void Header_value_that_is_not_a_string_is_a_type_error()
    {
        var error = Single(Parse("{\"routes\": [{\"id\": \"a\", \"match\": {\"path\": \"/\"}, \"cluster\": \"c\", \"transforms\": {\"requestHeaders\": {\"X-A\": 1}}}]}").Errors);

        AssertAt(error, 1, 106);
        Assert.Equal("'routes[0].transforms.requestHeaders.X-A' must be a string, but it is a number.", error.Message);
    }

    [Fact]
    [Requirement("CV-09")]
    public void Schema_property_is_allowed()
    {
        var parsed = Parse("{\"$schema\": \"https://example.com/proxy.schema.json\", \"routes\": [], \"clusters\": {}}");

        Assert.True(parsed.Succeeded, string.Join(" | ", parsed.Errors.Select(e => e.Format("f"))));
    }

    [Fact]
    [Requirement("CV-09")]
    public void Schema_that_is_not_a_string_is_a_type_error()
    {
        var error = Single(Parse("{\"$schema\": 1}").Errors);

        AssertAt(error, 1, 13);
        Assert.Equal("'$schema' must be a string, but it is a number.", error.Message);
    }

    [Fact]
    [Requirement("CV-02", "CV-09")]
    public void Every_binding_error_is_reported_in_one_pass()
    {
        var parsed = Parse(
            "{\n" +
            "  \"routes\": [\n" +
            "    {\"id\": 1, \"match\": {\"path\": \"/\", \"methods\": \"GET\"}, \"cluster\": \"c\"},\n" +
            "    {\"id\": \"b\", \"match\": {\"path\": \"/b\"}, \"clustr\": \"c\", \"order\": true}\n" +
            "  ],\n" +
            "  \"clusters\": {\"c\": {\"destinations\": {\"d\": {\"address\": 5}}, \"loadBalancing\": \"Fastest\"}},\n" +
            "  \"extra\": 1\n" +
            "}");

        var positions = parsed.Errors.Select(e => e.Position.ToString()).ToList();
        Assert.Equal(["3:12", "3:49", "4:42", "4:66", "6:56", "6:78", "7:3"], positions.Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    [Requirement("CV-09")]
    public void Complete_config_binds_every_field()
    {
        var parsed = Parse("""
            {
              "routes": [
                {
                  "id": "api", "order": -3, "cluster": "backend", "timeout": "2s",
                  "match": {"path": "/api/{**rest}", "methods": ["GET", "POST"], "hosts": ["*.example.com", "localhost:8080"]},
                  "transforms": {"pathRemovePrefix": "/api", "pathPrefix": "/v1",
                                 "requestHeaders": {"X-From": "proxy"}, "responseHeaders": {"X-Served": "yes"}}
                },
                {"id": "stub", "match": {"path": "/stub"}, "respond": {"status": 418, "headers": {"Content-Type": "text/plain"}, "body": "teapot"}}
              ],
              "clusters": {
                "backend": {"loadBalancing": "First", "timeout": "00:00:30",
                            "destinations": {"b1": {"address": "http://127.0.0.1:5001"}, "b2": {"address": "https://b2.internal/"}}}
              },
              "server": {"urls": "http://0.0.0.0:8080", "adminUrls": "none"}
            }
            """);

        Assert.True(parsed.Succeeded, string.Join(" | ", parsed.Errors.Select(e => e.Format("f"))));
        var api = parsed.Config.Routes[0];
        Assert.Equal(-3, api.Order);
        Assert.Equal("backend", api.Cluster);
        Assert.Equal(TimeSpan.FromSeconds(2), api.Timeout);
        Assert.Equal(["GET", "POST"], api.Match.Methods!);
        Assert.Equal(["*.example.com", "localhost:8080"], api.Match.Hosts!);
        Assert.Equal("/api", api.Transforms!.PathRemovePrefix);
        Assert.Equal("/v1", api.Transforms.PathPrefix);
        Assert.Equal("proxy", api.Transforms.RequestHeaders!["x-from"]);
        Assert.Equal("yes", api.Transforms.ResponseHeaders!["X-Served"]);
        var stub = parsed.Config.Routes[1].Respond!;
        Assert.Equal(418, stub.Status);
        Assert.Equal("teapot", stub.Body);
        Assert.Equal("text/plain", stub.Headers!["content-type"]);
        var backend = parsed.Config.Clusters["backend"];
        Assert.Equal(LoadBalancingPolicy.First, backend.LoadBalancing);
        Assert.Equal(TimeSpan.FromSeconds(30), backend.Timeout);
        Assert.Equal(["b1", "b2"], backend.Destinations.Keys);
        Assert.Equal("https://b2.internal/", backend.Destinations["b2"].Address);
        Assert.Equal(new ServerConfig { Urls = "http://0.0.0.0:8080", AdminUrls = "none" }, parsed.Config.Server);
    }
}
