using System.Text;
using HotReloadProxy.Cli;

namespace HotReload.Functional.Tests.Cli;

/// <summary><c>validate &lt;path&gt;</c> against real files in a per-test temporary directory.</summary>
[Requirement("CV-11")]
public sealed class ValidateCommandTests : IDisposable
{
    private const string ValidConfig = """
        {
          "routes": [
            {"id": "api", "match": {"path": "/api/{**rest}"}, "cluster": "backend"},
            {"id": "ping", "match": {"path": "/ping"}, "respond": {"body": "pong"}}
          ],
          "clusters": {"backend": {"destinations": {"b1": {"address": "http://127.0.0.1:5001"}}}}
        }
        """;

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "cfgtests-" + Guid.NewGuid().ToString("N"));
    private readonly StringWriter _stdout = new();
    private readonly StringWriter _stderr = new();

    public ValidateCommandTests() => Directory.CreateDirectory(_dir);

    public void Dispose()
    {
        Directory.Delete(_dir, recursive: true);
        _stdout.Dispose();
        _stderr.Dispose();
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return path;
    }

    private string[] ErrLines() => _stderr.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

    private string[] OutLines() => _stdout.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

    private int Run(params string[] args) => ValidateCommand.Run(args, _stdout, _stderr);

    [Fact]
    public void Valid_file_exits_0_and_prints_one_valid_line()
    {
        var path = Write("proxy.json", ValidConfig);

        Assert.Equal(0, Run(path));

        Assert.Equal([$"{path}: valid (2 routes, 1 clusters)"], OutLines());
        Assert.Empty(_stderr.ToString());
    }

    [Fact]
    public void Semantic_errors_exit_1_and_print_every_error_as_path_line_col_message()
    {
        var path = Write("bad.json",
            "{\n" +
            "  \"routes\": [\n" +
            "    {\"id\": \"a\", \"match\": {\"path\": \"api\"}, \"cluster\": \"nope\"},\n" +
            "    {\"id\": \"a\", \"match\": {\"path\": \"/b\"}, \"respond\": {\"status\": 700}}\n" +
            "  ]\n" +
            "}\n");

        Assert.Equal(1, Run(path));

        Assert.Equal(
        [
            $"{path}:3:35: Path template 'api' must start with '/'.",
            $"{path}:3:54: Route 'a' names cluster 'nope', which does not exist (none are defined). Add it under \"clusters\" or fix the name.",
            $"{path}:4:12: Route id 'a' is used twice (first by routes[0]); route ids must be unique.",
            $"{path}:4:64: Status 700 cannot be a final answer; use a number from 200 to 599.",
            $"{path}: 4 error(s)",
        ], ErrLines());
        Assert.Empty(_stdout.ToString());
    }

    [Fact]
    public void Syntax_error_exits_1_with_its_line_and_column()
    {
        var path = Write("syntax.json", "{\n  \"routes\": []\n  \"clusters\": {}\n}\n");

        Assert.Equal(1, Run(path));

        var lines = ErrLines();
        Assert.Equal(2, lines.Length);
        Assert.StartsWith($"{path}:3:3: JSON syntax error:", lines[0], StringComparison.Ordinal);
        Assert.Equal($"{path}: 1 error(s)", lines[1]);
    }

    [Fact]
    public void Binding_errors_exit_1_with_positions()
    {
        var path = Write("types.json", "{\"routes\": [{\"id\": \"a\", \"match\": {\"path\": \"/\"}, \"respond\": {}, \"clustr\": \"c\", \"order\": \"x\"}]}");

        Assert.Equal(1, Run(path));

        var lines = ErrLines();
        Assert.Equal(3, lines.Length);
        Assert.StartsWith($"{path}:1:64: Unknown property 'clustr' in route routes[0]. Did you mean 'cluster'?", lines[0], StringComparison.Ordinal);
        Assert.Equal($"{path}:1:88: 'routes[0].order' must be a whole number such as 10, but it is a string.", lines[1]);
        Assert.Equal($"{path}: 2 error(s)", lines[2]);
    }

    [Fact]
    public void Empty_file_exits_1_with_the_empty_message()
    {
        var path = Write("empty.json", "  \n");

        Assert.Equal(1, Run(path));

        var lines = ErrLines();
        Assert.StartsWith($"{path}:1:1: The config file is empty.", lines[0], StringComparison.Ordinal);
        Assert.Equal($"{path}: 1 error(s)", lines[1]);
    }

    [Fact]
    public void Missing_file_exits_2()
    {
        var path = Path.Combine(_dir, "missing.json");

        Assert.Equal(2, Run(path));

        var lines = ErrLines();
        Assert.Equal(2, lines.Length);
        Assert.StartsWith($"{path}:1:1: The config file does not exist", lines[0], StringComparison.Ordinal);
        Assert.Equal($"{path}: cannot be read", lines[1]);
        Assert.Empty(_stdout.ToString());
    }

    [Fact]
    public void Directory_exits_2()
    {
        var path = Path.Combine(_dir, "adir");
        Directory.CreateDirectory(path);

        Assert.Equal(2, Run(path));

        var lines = ErrLines();
        Assert.StartsWith($"{path}:1:1: The config path is a directory, not a file.", lines[0], StringComparison.Ordinal);
        Assert.Equal($"{path}: cannot be read", lines[1]);
    }

    [Fact]
    public void Missing_parent_directory_exits_2()
    {
        Assert.Equal(2, Run(Path.Combine(_dir, "no", "such", "proxy.json")));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public void Wrong_argument_count_exits_2_with_usage(int count)
    {
        var path = Write("proxy.json", ValidConfig);

        Assert.Equal(2, Run(Enumerable.Repeat(path, count).ToArray()));

        Assert.Equal(["usage: HotReloadProxy validate <path-to-config.json>"], ErrLines());
        Assert.Empty(_stdout.ToString());
    }

    [Fact]
    public async Task Command_line_routes_validate_to_the_command()
    {
        var path = Write("bad.json", "{\"routes\": {}}");

        var exit = await ProxyCommandLine.RunAsync(["validate", path], _stdout, _stderr);

        Assert.Equal(1, exit);
        Assert.StartsWith($"{path}:1:12: 'routes' must be an array", ErrLines()[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Command_line_validate_without_a_path_exits_2()
    {
        Assert.Equal(2, await ProxyCommandLine.RunAsync(["validate"], _stdout, _stderr));
        Assert.Equal(["usage: HotReloadProxy validate <path-to-config.json>"], ErrLines());
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("-?")]
    public async Task Help_exits_0_and_prints_usage(string flag)
    {
        Assert.Equal(0, await ProxyCommandLine.RunAsync([flag], _stdout, _stderr));

        var output = _stdout.ToString();
        Assert.Contains("usage:", output, StringComparison.Ordinal);
        Assert.Contains("HotReloadProxy validate <path>", output, StringComparison.Ordinal);
        Assert.Contains("--config <path>", output, StringComparison.Ordinal);
        Assert.Contains("exit 0 valid, 1 invalid, 2 unreadable", output, StringComparison.Ordinal);
        Assert.Empty(_stderr.ToString());
    }
}
