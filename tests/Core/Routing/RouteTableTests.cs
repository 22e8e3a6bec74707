using HotReloadProxy.Routing;
using HotReloadProxy.Testing.Routing;

namespace HotReload.Core.Tests.Routing;

/// <summary>
/// Route matching and precedence. Every lookup goes through both <see cref="RouteTable{T}"/> and
/// <see cref="ReferenceMatcher"/> and asserts they agree before checking the winner.
/// </summary>
[Requirement("PX-03")]
public sealed class RouteTableTests
{
    private sealed class Routes
    {
        private readonly List<RouteEntry<string>> _entries = [];

        public Routes Add(string id, string template, int order = 0, string[]? methods = null, string[]? hosts = null)
        {
            var patterns = hosts?.Select(h =>
            {
                Assert.True(HostPattern.TryParse(h, out var pattern), h);
                return pattern!;
            }).ToList();
            _entries.Add(new RouteEntry<string>(RouteTemplateParser.Parse(template), methods, patterns, order, _entries.Count, id));
            return this;
        }

        public string? Match(string path, string method = "GET", string host = "example.com", int? port = 80)
        {
            var table = new RouteTable<string>(_entries);
            var fromTable = table.Match(method, host, port, path)?.Value;
            var fromReference = ReferenceMatcher.Match(_entries, method, host, port, path)?.Value;
            Assert.True(fromReference == fromTable, $"{method} {host}:{port}{path}: table chose '{fromTable}', reference chose '{fromReference}'");
            return fromTable;
        }

        public IReadOnlyList<string> PrecedenceOrder() => new RouteTable<string>(_entries).Entries.Select(e => e.Value).ToList();
    }

    [Theory]
    [InlineData("/api/items", "items")]
    [InlineData("/API/Items", "items")]
    [InlineData("/api/items/", "items")]
    [InlineData("/api", "api")]
    [InlineData("/api/", "api")]
    [InlineData("/", "root")]
    [InlineData("", "root")]
    [InlineData("/api/items/x", null)]
    [InlineData("/apiitems", null)]
    [InlineData("/other", null)]
    public void Literals_match_case_insensitively_and_ignore_a_trailing_slash(string path, string? expected)
    {
        var routes = new Routes().Add("items", "/api/items").Add("api", "/api").Add("root", "/");

        Assert.Equal(expected, routes.Match(path));
    }

    [Theory]
    [InlineData("/items/5", "one")]
    [InlineData("/items/5/", "one")]
    [InlineData("/items/5/edit", "edit")]
    [InlineData("/items//edit", null)]
    [InlineData("/items/", null)]
    [InlineData("/items", null)]
    [InlineData("/items/5/6", null)]
    public void Parameters_match_one_non_empty_segment(string path, string? expected)
    {
        var routes = new Routes().Add("one", "/items/{id}").Add("edit", "/items/{id}/edit");

        Assert.Equal(expected, routes.Match(path));
    }

    [Theory]
    [InlineData("/files", "files")]
    [InlineData("/files/", "files")]
    [InlineData("/files/a", "files")]
    [InlineData("/files/a/b/c.txt", "files")]
    [InlineData("/files//a", "files")]
    [InlineData("/filesx", null)]
    [InlineData("/fil", null)]
    public void Catch_all_matches_zero_or_more_segments(string path, string? expected)
    {
        Assert.Equal(expected, new Routes().Add("files", "/files/{**rest}").Match(path));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("")]
    [InlineData("/anything/at/all")]
    public void Root_catch_all_matches_everything(string path)
    {
        Assert.Equal("all", new Routes().Add("all", "/{**all}").Match(path));
    }

    [Theory]
    [InlineData("GET", "read")]
    [InlineData("HEAD", "read")]
    [InlineData("POST", "write")]
    [InlineData("DELETE", null)]
    public void Methods_filter_routes(string method, string? expected)
    {
        var routes = new Routes().Add("read", "/x", methods: ["GET", "HEAD"]).Add("write", "/x", methods: ["POST"]);

        Assert.Equal(expected, routes.Match("/x", method));
    }

    [Theory]
    [InlineData("example.com", 80, "exact")]
    [InlineData("EXAMPLE.COM", 443, "exact")]
    [InlineData("api.example.com", 80, "wild")]
    [InlineData("a.b.example.com", 80, "wild")]
    [InlineData("badexample.com", 80, null)]
    [InlineData("example.org", 80, null)]
    [InlineData("localhost", 8080, "port")]
    [InlineData("localhost", 9090, null)]
    [InlineData("localhost", null, null)]
    public void Hosts_match_exactly_by_wildcard_subdomain_and_by_port(string host, int? port, string? expected)
    {
        var routes = new Routes()
            .Add("exact", "/h", hosts: ["example.com"])
            .Add("wild", "/h", hosts: ["*.example.com"])
            .Add("port", "/h", hosts: ["localhost:8080"]);

        Assert.Equal(expected, routes.Match("/h", host: host, port: port));
    }

    [Fact]
    public void Wildcard_host_does_not_match_the_bare_domain()
    {
        Assert.Null(new Routes().Add("wild", "/", hosts: ["*.example.com"]).Match("/", host: "example.com"));
    }

    [Fact]
    public void Explicit_order_beats_specificity()
    {
        var routes = new Routes().Add("specific", "/api/items").Add("broad", "/{**all}", order: -1);

        Assert.Equal("broad", routes.Match("/api/items"));
        Assert.Equal(["broad", "specific"], routes.PrecedenceOrder());
    }

    [Fact]
    public void Higher_order_loses_even_when_more_specific()
    {
        var routes = new Routes().Add("specific", "/api/items", order: 1).Add("broad", "/{**all}");

        Assert.Equal("broad", routes.Match("/api/items"));
    }

    [Theory]
    [InlineData("/items/new", "literal")]
    [InlineData("/items/5", "param")]
    [InlineData("/items/5/6", "catchall")]
    [InlineData("/items", "catchall")]
    public void Literal_beats_parameter_beats_catch_all_regardless_of_declaration(string path, string expected)
    {
        var routes = new Routes().Add("catchall", "/items/{**rest}").Add("param", "/items/{id}").Add("literal", "/items/new");

        Assert.Equal(expected, routes.Match(path));
        Assert.Equal(["literal", "param", "catchall"], routes.PrecedenceOrder());
    }

    [Fact]
    public void Specificity_is_compared_from_the_left()
    {
        var routes = new Routes().Add("right", "/{a}/b/c").Add("left", "/a/{b}/{c}");

        Assert.Equal("left", routes.Match("/a/b/c"));
        Assert.Equal("right", routes.Match("/x/b/c"));
    }

    [Fact]
    public void Exact_template_beats_the_same_prefix_with_a_catch_all()
    {
        var routes = new Routes().Add("rest", "/api/{**rest}").Add("exact", "/api");

        Assert.Equal("exact", routes.Match("/api"));
        Assert.Equal("exact", routes.Match("/api/"));
        Assert.Equal("rest", routes.Match("/api/x"));
    }

    [Theory]
    [InlineData("GET", "constrained")]
    [InlineData("POST", "any")]
    public void Method_constrained_beats_unconstrained_at_equal_specificity(string method, string expected)
    {
        var routes = new Routes().Add("any", "/x/{id}").Add("constrained", "/x/{id}", methods: ["GET"]);

        Assert.Equal(expected, routes.Match("/x/1", method));
    }

    [Theory]
    [InlineData("example.com", "constrained")]
    [InlineData("other.com", "any")]
    public void Host_constrained_beats_unconstrained_at_equal_specificity(string host, string expected)
    {
        var routes = new Routes().Add("any", "/x").Add("constrained", "/x", hosts: ["example.com"]);

        Assert.Equal(expected, routes.Match("/x", host: host));
    }

    [Fact]
    public void Methods_rank_before_hosts()
    {
        var routes = new Routes().Add("host", "/x", hosts: ["example.com"]).Add("method", "/x", methods: ["GET"]);

        Assert.Equal("method", routes.Match("/x"));
    }

    [Fact]
    public void Declaration_order_breaks_the_remaining_ties()
    {
        var routes = new Routes().Add("first", "/x/{id}").Add("second", "/x/{name}").Add("third", "/X/{other}");

        Assert.Equal("first", routes.Match("/x/1"));
        Assert.Equal(["first", "second", "third"], routes.PrecedenceOrder());
    }

    [Fact]
    public void A_rejected_better_route_falls_back_to_the_next_one()
    {
        var routes = new Routes()
            .Add("post-everything", "/{**all}", order: -1, methods: ["POST"])
            .Add("items", "/a/{id}", methods: ["GET"])
            .Add("fallback", "/{**all}", order: 5);

        Assert.Equal("items", routes.Match("/a/1", "GET"));
        Assert.Equal("post-everything", routes.Match("/a/1", "POST"));
        Assert.Equal("fallback", routes.Match("/a/1", "PUT"));
        Assert.Equal("fallback", routes.Match("/b", "GET"));
    }

    [Fact]
    public void No_match_returns_null()
    {
        var routes = new Routes().Add("a", "/a").Add("b", "/b/{id}", methods: ["GET"]);

        Assert.Null(routes.Match("/c"));
        Assert.Null(routes.Match("/b/1", "POST"));
    }

    [Fact]
    public void Empty_table_matches_nothing()
    {
        Assert.Null(new Routes().Match("/"));
    }

    [Fact]
    public void Paths_deeper_than_the_stack_buffer_are_matched()
    {
        var deep = "/" + string.Join("/", Enumerable.Range(0, 40).Select(i => $"s{i}"));
        var routes = new Routes().Add("deep", deep).Add("rest", "/s0/{**rest}");

        Assert.Equal("deep", routes.Match(deep));
        Assert.Equal("rest", routes.Match(deep + "/more"));
    }

    [Fact]
    public void Table_agrees_with_the_reference_on_every_combination()
    {
        var routes = new Routes()
            .Add("r0", "/")
            .Add("r1", "/{**all}", order: 2)
            .Add("r2", "/api/{**rest}", methods: ["GET"])
            .Add("r3", "/api/{version}/items", hosts: ["*.example.com"])
            .Add("r4", "/api/v1/{id}")
            .Add("r5", "/api/v1/items", order: 1)
            .Add("r6", "/{tenant}/v1/items", methods: ["POST"])
            .Add("r7", "/api", hosts: ["localhost:8080"])
            .Add("r8", "/api/v1/items/{**rest}", order: -1, methods: ["DELETE"]);
        string[] paths = ["", "/", "/api", "/api/", "/API/V1/Items", "/api/v1/items", "/api/v1/items/", "/api/v1/items/x/y", "/api/v2/items", "/t/v1/items", "/api/v1", "/api//items", "/x"];
        string[] methods = ["GET", "POST", "DELETE"];
        (string Host, int? Port)[] hosts = [("example.com", 80), ("a.example.com", 443), ("localhost", 8080), ("localhost", null)];

        var matched = 0;
        foreach (var path in paths)
        {
            foreach (var method in methods)
            {
                foreach (var (host, port) in hosts)
                {
                    matched += routes.Match(path, method, host, port) is null ? 0 : 1;
                }
            }
        }

        Assert.Equal(paths.Length * methods.Length * hosts.Length, matched); // r1 catches everything nothing else takes
    }
}
