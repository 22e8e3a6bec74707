using HotReload.Conformance.Checking;

namespace HotReload.Conformance.Reports;

/// <summary>Writes a run's three reports side by side: &lt;target&gt;.md, .json and .html.</summary>
public static class ReportWriter
{
    public static IReadOnlyList<string> WriteAll(RunResult run, string directory)
    {
        ArgumentNullException.ThrowIfNull(run);
        Directory.CreateDirectory(directory);
        var stem = Path.Combine(directory, run.Target);
        var files = new[] { stem + ".md", stem + ".json", stem + ".html" };
        File.WriteAllText(files[0], MarkdownReport.Write(run));
        File.WriteAllText(files[1], JsonReport.Write(run));
        File.WriteAllText(files[2], HtmlReport.Write(run));
        return files;
    }
}
