using System.Text.RegularExpressions;
using HotReload.Functional.Tests.ProcessLevel;
using HotReload.Testing.Files;
using HotReloadProxy.Cli;

namespace HotReload.Functional.Tests.Docs;

/// <summary>
/// Every JSON config example in README.md and docs/configuration.md is checked with <c>validate</c>, so the
/// docs cannot drift from the code. A block after <c>&lt;!-- example: invalid --&gt;</c> must be rejected with
/// exactly the output shown in the block after it; one after <c>&lt;!-- example: fragment --&gt;</c> is a piece of
/// the top-level object and is checked inside <c>{ }</c>.
/// </summary>
[Requirement("UX-04")]
public sealed partial class DocExamplesTests
{
    public static TheoryData<string, int> Examples()
    {
        var data = new TheoryData<string, int>();
        foreach (var doc in Documents)
        {
            for (var i = 0; i < Extract(doc).Count; i++)
            {
                data.Add(doc, i);
            }
        }

        return data;
    }

    private static string[] Documents => ["README.md", "docs/configuration.md"];

    [Theory]
    [MemberData(nameof(Examples))]
    public void The_example_validates_as_the_doc_says(string doc, int index)
    {
        var example = Extract(doc)[index];
        using var directory = new TempDirectory();
        var path = directory.File("proxy.json");
        File.WriteAllText(path, example.Kind == ExampleKind.Fragment ? "{\n" + example.Json + "\n}\n" : example.Json);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = ValidateCommand.Run([path], stdout, stderr);

        var where = $"{doc}:{example.Line}";
        var errors = stderr.ToString().Replace(path, "proxy.json", StringComparison.Ordinal).Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        if (example.Kind == ExampleKind.Invalid)
        {
            Assert.True(exit == 1, $"{where}: the example marked invalid exited {exit}: {stdout}{stderr}");
            Assert.True(example.ExpectedOutput is not null, $"{where}: an invalid example must be followed by a block with the output validate prints.");
            Assert.Equal(example.ExpectedOutput, errors);
        }
        else
        {
            Assert.True(exit == 0, $"{where}: the example is not valid:\n{string.Join('\n', errors)}");
        }
    }

    [Fact]
    public void The_docs_have_valid_invalid_and_fragment_examples_for_the_check_to_find()
    {
        var all = Documents.SelectMany(Extract).ToList();

        Assert.True(all.Count(e => e.Kind == ExampleKind.Valid) >= 2, "The README and the reference show full configs.");
        Assert.Contains(all, e => e.Kind == ExampleKind.Invalid);
        Assert.Contains(all, e => e.Kind == ExampleKind.Fragment);
        Assert.Contains(Extract("README.md"), e => e.Kind == ExampleKind.Valid);
    }

    private static List<Example> Extract(string doc)
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryLayout.Root, doc));
        var examples = new List<Example>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim() != "```json")
            {
                continue;
            }

            var marker = PreviousNonBlank(lines, i) is { } previous ? Marker().Match(previous) : Match.Empty;
            var kind = marker.Success ? Enum.Parse<ExampleKind>(marker.Groups["kind"].Value, ignoreCase: true) : ExampleKind.Valid;
            var end = Array.FindIndex(lines, i + 1, l => l.Trim() == "```");
            var json = string.Join('\n', lines[(i + 1)..end]);
            string[]? expected = null;
            if (kind == ExampleKind.Invalid)
            {
                var open = Array.FindIndex(lines, end + 1, l => l.TrimStart().StartsWith("```", StringComparison.Ordinal));
                var close = Array.FindIndex(lines, open + 1, l => l.Trim() == "```");
                expected = lines[(open + 1)..close];
            }

            examples.Add(new Example(i + 1, kind, json, expected));
            i = end;
        }

        return examples;
    }

    private static string? PreviousNonBlank(string[] lines, int index)
    {
        for (var i = index - 1; i >= 0; i--)
        {
            if (!string.IsNullOrWhiteSpace(lines[i]))
            {
                return lines[i];
            }
        }

        return null;
    }

    [GeneratedRegex(@"^\s*<!--\s*example:\s*(?<kind>valid|invalid|fragment)\s*-->\s*$")]
    private static partial Regex Marker();

    private enum ExampleKind
    {
        Valid,
        Invalid,
        Fragment,
    }

    private sealed record Example(int Line, ExampleKind Kind, string Json, string[]? ExpectedOutput);
}
