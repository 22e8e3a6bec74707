using HotReload.Traceability.Check;

namespace HotReload.Traceability.Features;

/// <summary>Writes the generated feature pages, or compares them with the ones on disk.</summary>
public static class FeaturePageSync
{
    public static void Write(IReadOnlyDictionary<string, string> pages, string folder)
    {
        ArgumentNullException.ThrowIfNull(pages);
        Directory.CreateDirectory(folder);
        foreach (var (name, content) in pages)
        {
            File.WriteAllText(Path.Combine(folder, name), content);
        }

        // A page of an area that no longer exists would otherwise linger; hand-written files stay.
        foreach (var stale in GeneratedFilesNotIn(pages, folder))
        {
            File.Delete(stale);
        }
    }

    public static IReadOnlyList<Finding> Verify(IReadOnlyDictionary<string, string> pages, string folder)
    {
        ArgumentNullException.ThrowIfNull(pages);
        var findings = new List<Finding>();
        foreach (var (name, expected) in pages)
        {
            var path = Path.Combine(folder, name);
            if (!File.Exists(path))
            {
                findings.Add(Stale(path, "is missing"));
                continue;
            }

            var difference = FirstDifference(expected, File.ReadAllText(path));
            if (difference is not null)
            {
                findings.Add(Stale(path, difference));
            }
        }

        findings.AddRange(GeneratedFilesNotIn(pages, folder).Select(p => Stale(p, "belongs to an area no longer in requirements.csv")));
        return findings;
    }

    private static Finding Stale(string path, string how) => new(
        FindingKind.StaleFeaturePage,
        path,
        $"feature page {path} {how}");

    private static List<string> GeneratedFilesNotIn(IReadOnlyDictionary<string, string> pages, string folder) =>
        !Directory.Exists(folder)
            ? []
            : Directory.EnumerateFiles(folder, "*.md")
                .Where(p => !pages.ContainsKey(Path.GetFileName(p)))
                .Where(p => File.ReadAllText(p).StartsWith(FeaturePages.GeneratedMarker, StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)
                .ToList();

    // Line endings are compared loosely: a Windows checkout may turn \n into \r\n.
    private static string? FirstDifference(string expected, string actual)
    {
        var want = expected.ReplaceLineEndings("\n").Split('\n');
        var have = actual.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < Math.Max(want.Length, have.Length); i++)
        {
            var w = i < want.Length ? want[i] : null;
            var h = i < have.Length ? have[i] : null;
            if (w != h)
            {
                return $"differs from the generated page at line {i + 1} (expected \"{w ?? "<end of file>"}\", found \"{h ?? "<end of file>"}\")";
            }
        }

        return null;
    }
}
