using HotReload.Testing.Files;
using HotReloadProxy.Cli;
using HotReloadProxy.Hosting;
using HotReloadProxy.Testing.Configs;
using HotReloadProxy.Testing.Proxies;

namespace HotReload.Functional.Tests.Hosting;

public sealed class StartupTests
{
    [Fact]
    [Requirement("CV-12")]
    public async Task Startup_with_an_invalid_config_prints_every_error_and_exits_1()
    {
        using var directory = new TempDirectory();
        var path = directory.File("proxy.json");
        File.WriteAllText(path, """
            {
              "routes": [
                { "id": "a", "match": { "path": "no-slash" }, "cluster": "nowhere" }
              ]
            }
            """);
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var exit = await ProxyCommandLine.RunAsync(["--config", path, "--urls", "http://127.0.0.1:0", "--admin-urls", "none"], stdout, stderr);

        Assert.Equal(1, exit);
        var errors = stderr.ToString();
        Assert.Contains($"{path}:3:", errors, StringComparison.Ordinal);
        Assert.Contains("must start with '/'", errors, StringComparison.Ordinal);
        Assert.Contains("cluster 'nowhere', which does not exist", errors, StringComparison.Ordinal);
        Assert.Contains("did not start", errors, StringComparison.Ordinal);
    }

    [Fact]
    [Requirement("CV-12")]
    public async Task Startup_with_a_named_config_that_does_not_exist_exits_2()
    {
        using var directory = new TempDirectory();
        var stderr = new StringWriter();

        var exit = await ProxyCommandLine.RunAsync(["--config", directory.File("absent.json"), "--urls", "http://127.0.0.1:0", "--admin-urls", "none"], new StringWriter(), stderr);

        Assert.Equal(2, exit);
        Assert.Contains("does not exist", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    [Requirement("CV-12")]
    public async Task A_malformed_option_exits_2_with_a_hint()
    {
        var stderr = new StringWriter();
        var exit = await ProxyCommandLine.RunAsync(["--poll", "soon", "--urls", "http://127.0.0.1:0", "--admin-urls", "none"], new StringWriter(), stderr);
        Assert.Equal(2, exit);
        Assert.Contains("--poll expects a whole number", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    [Requirement("PX-08")]
    public async Task Without_a_config_file_the_embedded_default_answers_root_and_says_where_the_config_goes()
    {
        await using var proxy = InMemoryProxy.Start(new ProxySettings { ConfigPath = null });
        var page = await proxy.CreateClient().GetStringAsync("/");

        Assert.Contains("HotReload proxy is running", page, StringComparison.Ordinal);
        Assert.Contains("proxy.json", page, StringComparison.Ordinal);
        Assert.True(proxy.Engine().Status!.UsingEmbeddedDefault);
        Assert.Contains(proxy.Logs.GetSnapshot(), r => r.Id.Id == 1001);
    }

    [Fact]
    [Requirement("SE-02")]
    public void The_admin_listener_defaults_to_loopback()
    {
        var (_, address, port) = Assert.Single(ListenAddresses.Parse(ProxyEndpoints.DefaultAdminUrls, "--admin-urls"));
        Assert.True(System.Net.IPAddress.IsLoopback(address!));
        Assert.Equal(9901, port);
        var (_, publicAddress, _) = Assert.Single(ListenAddresses.Parse(ProxyEndpoints.DefaultUrls, "--urls"));
        Assert.True(System.Net.IPAddress.IsLoopback(publicAddress!));
    }
}
