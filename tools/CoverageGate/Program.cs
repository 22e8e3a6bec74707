using System.Globalization;
using System.Xml.Linq;

// Fails when the line coverage of the named namespaces, merged over every Cobertura file given, is
// below the minimum. Usage: CoverageGate --min 90 --namespace HotReloadProxy.Configuration
//   --namespace HotReloadProxy.Reload <cobertura.xml>...
// Lines are merged by (file, line) so two test projects covering the same line count it once.
var minimum = 90.0;
var namespaces = new List<string>();
var files = new List<string>();
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--min":
            minimum = double.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--namespace":
            namespaces.Add(args[++i]);
            break;
        default:
            files.Add(args[i]);
            break;
    }
}

if (files.Count == 0 || namespaces.Count == 0)
{
    Console.Error.WriteLine("usage: CoverageGate --min <percent> --namespace <prefix> [--namespace <prefix>...] <cobertura.xml>...");
    return 2;
}

var hits = new Dictionary<(string File, int Line), bool>();
var perNamespace = namespaces.ToDictionary(n => n, _ => new HashSet<(string, int)>());
foreach (var file in files)
{
    var document = XDocument.Load(file);

    // Each report's file names are relative to its own source root (coverlet picks the deepest common
    // folder per test project), so only the rooted path identifies the same line across reports.
    var sourceRoot = document.Descendants("source").Select(s => s.Value).FirstOrDefault() ?? "";
    foreach (var cls in document.Descendants("class"))
    {
        var name = (string?)cls.Attribute("name") ?? "";
        var prefix = namespaces.FirstOrDefault(n => name == n || name.StartsWith(n + ".", StringComparison.Ordinal));
        if (prefix is null)
        {
            continue;
        }

        var source = Path.GetFullPath(Path.Combine(sourceRoot, (string?)cls.Attribute("filename") ?? name));
        foreach (var line in cls.Elements("lines").Elements("line"))
        {
            var key = (source, (int)line.Attribute("number")!);
            var covered = (int)line.Attribute("hits")! > 0;
            hits[key] = hits.TryGetValue(key, out var before) ? before || covered : covered;
            perNamespace[prefix].Add(key);
        }
    }
}

if (hits.Count == 0)
{
    Console.Error.WriteLine("CoverageGate: no coverable lines found for " + string.Join(", ", namespaces) + "; is coverage being collected?");
    return 1;
}

foreach (var (name, lines) in perNamespace)
{
    var covered = lines.Count(l => hits[l]);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {covered}/{lines.Count} lines ({100.0 * covered / Math.Max(1, lines.Count):0.0}%)"));
}

var total = hits.Count;
var totalCovered = hits.Values.Count(v => v);
var percent = 100.0 * totalCovered / total;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"config and reload code: {totalCovered}/{total} lines = {percent:0.0}% (minimum {minimum:0.#}%)"));
if (percent < minimum)
{
    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"CoverageGate: line coverage {percent:0.0}% is below the {minimum:0.#}% minimum. Add tests for the uncovered lines (see artifacts/coverage/index.html)."));
    return 1;
}

return 0;
