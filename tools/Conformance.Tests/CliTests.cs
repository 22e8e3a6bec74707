using HotReload.Conformance.Cli;
using HotReload.Conformance.Tests.Support;
using HotReload.Testing.Files;

namespace HotReload.Conformance.Tests;

[Requirement("CF-16")]
public sealed class CliTests
{
    [Fact]
    public async Task A_conformant_target_exits_0_and_writes_the_three_reports()
    {
        using var temp = new TempDirectory("conformance-cli-");
        var (code, output, error) = await RunAsync("run", "--target", RepositoryPaths.Profile("hotreload-watch.json"), "--scenarios", "atomic-rename", "--quick", "--out", temp.Path);

        Assert.True(code == 0, $"exit {code}\n{output}\n{error}");
        Assert.True(File.Exists(Path.Combine(temp.Path, "hotreload-watch.md")));
        Assert.True(File.Exists(Path.Combine(temp.Path, "hotreload-watch.json")));
        Assert.True(File.Exists(Path.Combine(temp.Path, "hotreload-watch.html")));
    }

    [Fact]
    public async Task A_target_that_cannot_run_a_scenario_exits_1_with_what_it_printed()
    {
        using var temp = new TempDirectory("conformance-cli-");
        var profile = temp.File("broken.json");
        await File.WriteAllTextAsync(profile, """
            { "name": "exits-at-once", "start": { "command": "sh", "args": ["-c", "echo no proxy here; exit 3"], "readyTimeoutSeconds": 2 },
              "config": { "fileName": "c.txt", "template": "{{version}}" } }
            """);

        var (code, output, _) = await RunAsync("run", "--target", profile, "--scenarios", "touch", "--out", temp.Path);

        Assert.Equal(1, code);
        Assert.Contains("no proxy here", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Usage_and_profile_errors_exit_2_naming_the_problem()
    {
        using var temp = new TempDirectory("conformance-cli-");
        var profile = temp.File("bad.json");
        await File.WriteAllTextAsync(profile, "{ \"name\": \"x\",\n  \"config\": { \"fileName\": \"c\", \"template\": \"t\" },\n  \"reload\": { \"kind\": \"telepathy\" } }");

        var unknownOption = await RunAsync("run", "--target", profile, "--fast");
        var missing = await RunAsync("run", "--target", temp.File("nope.json"));
        var invalid = await RunAsync("run", "--target", profile);
        var unknownScenario = await RunAsync("run", "--target", RepositoryPaths.Profile("hotreload-watch.json"), "--scenarios", "teleport");

        Assert.Equal(2, unknownOption.Code);
        Assert.Contains("--fast", unknownOption.Error, StringComparison.Ordinal);
        Assert.Equal(2, missing.Code);
        Assert.Contains("nope.json: no such profile file", missing.Error, StringComparison.Ordinal);
        Assert.Equal(2, invalid.Code);
        Assert.Contains("bad.json:3:", invalid.Error, StringComparison.Ordinal);
        Assert.Equal(2, unknownScenario.Code);
        Assert.Contains("teleport", unknownScenario.Error, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await ConformanceCli.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
