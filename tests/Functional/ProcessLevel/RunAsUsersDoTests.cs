using System.Net;
using System.Text.Json;
using HotReload.Testing.Files;

namespace HotReload.Functional.Tests.ProcessLevel;

/// <summary>
/// The proxy started as the README starts it: <c>dotnet run --project src/HotReloadProxy</c> (already built,
/// so <c>--no-build</c>) or <c>dotnet &lt;dll&gt;</c>, from a folder that is not the project's, with relative paths.
/// </summary>
public sealed class RunAsUsersDoTests
{
    private const string MineConfig = """{ "routes": [ { "id": "a", "match": { "path": "/a" }, "respond": { "status": 200, "body": "mine" } } ], "clusters": {} }""";

    // dotnet run evaluates the project before it starts the app: seconds on a busy 2-core machine.
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(120);

    private static IEnumerable<string> DotnetRun(params string[] args) =>
        ["dotnet", "run", "--no-build", "-c", RepositoryLayout.Configuration, "--project", RepositoryLayout.ProxyProject, "--", .. args];

    [Fact]
    [Requirement("UX-01", "UX-05")]
    public async Task Dotnet_run_from_another_folder_serves_the_proxy_json_of_that_folder()
    {
        using var directory = new TempDirectory();
        File.WriteAllText(directory.File("proxy.json"), MineConfig);
        var environment = new Dictionary<string, string>
        {
            ["HOTRELOAD_GENERATION_HEADER"] = "true",       // an environment variable still sets an option...
            ["HOTRELOAD_ADMIN_URLS"] = "none",              // ...and the command line wins over one.
        };

        await using var proxy = ChildProcess.Start(directory.Path, DotnetRun("--urls", "http://127.0.0.1:0", "--admin-urls", "http://127.0.0.1:0"), environment);
        var (publicAddress, adminAddress) = await proxy.WaitUntilListeningAsync(Generous);

        using var client = new HttpClient { BaseAddress = publicAddress };
        using var response = await client.GetAsync("/a");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("mine", await response.Content.ReadAsStringAsync());
        Assert.Equal("1", response.Headers.GetValues("X-Config-Generation").Single());

        var absolute = Path.Combine(directory.Path, "proxy.json");
        using var admin = new HttpClient { BaseAddress = adminAddress };
        var status = JsonDocument.Parse(await admin.GetStringAsync("/status")).RootElement;
        Assert.Equal(absolute, status.GetProperty("source").GetString());
        Assert.False(status.GetProperty("usingEmbeddedDefault").GetBoolean());
        Assert.Contains($"Config file {absolute} (relative paths resolve against the working directory {directory.Path})", proxy.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    [Requirement("UX-01")]
    public async Task Validate_of_a_relative_path_under_dotnet_run_reads_the_file_in_the_callers_folder()
    {
        using var directory = new TempDirectory();
        File.WriteAllText(directory.File("proxy.json"), MineConfig);

        await using var validate = ChildProcess.Start(directory.Path, DotnetRun("validate", "proxy.json"));
        var exit = await validate.WaitForExitAsync(Generous);

        Assert.True(exit == 0, $"validate exited {exit}.\nstdout:\n{validate.Stdout}\nstderr:\n{validate.Stderr}");
        Assert.Equal("proxy.json: valid (1 routes, 0 clusters)", validate.Stdout.Trim());
    }

    [Fact]
    [Requirement("UX-01")]
    public async Task Dotnet_dll_resolves_a_relative_config_option_against_the_callers_folder()
    {
        using var directory = new TempDirectory();
        Directory.CreateDirectory(directory.File("conf"));
        File.WriteAllText(directory.File(Path.Combine("conf", "mine.json")), MineConfig);

        await using var proxy = ChildProcess.Start(directory.Path,
            ["dotnet", RepositoryLayout.ProxyDll, "--config", "conf/mine.json", "--urls", "http://127.0.0.1:0", "--admin-urls", "http://127.0.0.1:0"]);
        var (publicAddress, adminAddress) = await proxy.WaitUntilListeningAsync(Generous);

        using var client = new HttpClient { BaseAddress = publicAddress };
        Assert.Equal("mine", await client.GetStringAsync("/a"));
        using var admin = new HttpClient { BaseAddress = adminAddress };
        var status = JsonDocument.Parse(await admin.GetStringAsync("/status")).RootElement;
        Assert.Equal(Path.Combine(directory.Path, "conf", "mine.json"), status.GetProperty("source").GetString());
    }

    [Fact]
    [Requirement("UX-02")]
    public async Task A_mistyped_option_ends_the_process_with_exit_2_before_anything_listens()
    {
        using var directory = new TempDirectory();
        File.WriteAllText(directory.File("proxy.json"), MineConfig);

        await using var proxy = ChildProcess.Start(directory.Path, ["dotnet", RepositoryLayout.ProxyDll, "--confg", "/etc/proxy.json"]);
        var exit = await proxy.WaitForExitAsync(Generous);

        Assert.Equal(2, exit);
        Assert.StartsWith("Unknown option '--confg'. Did you mean '--config'?", proxy.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("listening", proxy.Stdout, StringComparison.OrdinalIgnoreCase);
    }
}
