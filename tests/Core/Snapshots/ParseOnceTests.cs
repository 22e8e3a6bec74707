using HotReloadProxy.Testing.Configs;
using HotReloadProxy.Configuration.Model;
using HotReloadProxy.Configuration.Parsing;
using HotReloadProxy.Configuration.Validation;
using HotReloadProxy.Forwarding;
using HotReloadProxy.Snapshots;

namespace HotReload.Core.Tests.Snapshots;

/// <summary>The compiler builds the route table from the templates and hosts validation parsed; it parses nothing again.</summary>
public sealed class ParseOnceTests
{
    [Fact]
    [Requirement("AR-04")]
    public void The_route_table_holds_the_very_templates_host_patterns_and_methods_validation_parsed()
    {
        var api = TestConfigs.RespondRoute("api", "/api/{id}/{**rest}", "api") with
        {
            Match = new RouteMatch { Path = "/api/{id}/{**rest}", Methods = new(["GET", "PUT"]), Hosts = new(["*.example.com", "localhost:8080"]) },
        };
        var config = TestConfigs.Versioned("v1", [api]);

        var validation = new ConfigValidator().Validate(config, SourceMap.Empty);
        Assert.True(validation.IsValid, string.Join("; ", validation.Errors.Select(e => e.Message)));
        var valid = validation.Valid!;
        var snapshot = new SnapshotCompiler(new SocketsInvokerFactory(), new ForwardingOptions()).Compile(valid, 1, "sha", DateTimeOffset.UnixEpoch, "test", previous: null);

        for (var i = 0; i < config.Routes.Count; i++)
        {
            var entry = snapshot.Routes.Entries.Single(e => e.DeclarationIndex == i);
            var parsed = valid.Matches[i];
            Assert.Same(parsed.Template, entry.Template);
            Assert.Equal(parsed.Methods, entry.Methods);
            Assert.Equal(parsed.Hosts, entry.Hosts);
        }

        var apiEntry = snapshot.Routes.Entries.Single(e => e.Value.Id == "api");
        Assert.Same(valid.Matches[1].Hosts![0], apiEntry.Hosts![0]);
        Assert.NotNull(snapshot.Routes.Match("PUT", "a.example.com", null, "/api/7/x/y"));
        Assert.Null(snapshot.Routes.Match("POST", "a.example.com", null, "/api/7/x/y"));
    }

    [Fact]
    [Requirement("AR-04")]
    public void A_config_the_validator_rejects_yields_no_valid_config_to_compile()
    {
        var bad = TestConfigs.RespondRoute("bad", "/a/{x", "bad") with
        {
            Match = new RouteMatch { Path = "/a/{x", Hosts = new(["exa mple.com"]) },
        };

        var validation = new ConfigValidator().Validate(TestConfigs.Versioned("v1", [bad]), SourceMap.Empty);

        Assert.Null(validation.Valid);
        Assert.Equal(2, validation.Errors.Count);
    }
}
