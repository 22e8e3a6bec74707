namespace HotReload.Traceability.Report;

/// <summary>Writes coverage.md, coverage.json and coverage.html into one folder.</summary>
public static class ReportFiles
{
    public static IReadOnlyList<string> WriteAll(CoverageReport report, string folder)
    {
        Directory.CreateDirectory(folder);
        var files = new (string Name, string Content)[]
        {
            ("coverage.md", MarkdownReportWriter.Write(report)),
            ("coverage.json", JsonReportWriter.Write(report)),
            ("coverage.html", HtmlReportWriter.Write(report)),
        };
        var paths = new List<string>();
        foreach (var (name, content) in files)
        {
            var path = Path.Combine(folder, name);
            File.WriteAllText(path, content);
            paths.Add(path);
        }

        return paths;
    }
}
