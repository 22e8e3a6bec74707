using System.Globalization;
using System.Text.RegularExpressions;

namespace HotReload.Functional.Tests.Observability;

/// <summary>One GET /metrics, read as Prometheus text exposition: sample name, labels, value.</summary>
internal sealed partial class PrometheusScrape
{
    private readonly List<(string Name, Dictionary<string, string> Labels, double Value)> _samples = [];

    private PrometheusScrape(string text)
    {
        Text = text;
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (line.StartsWith('#'))
            {
                continue;
            }

            var match = Sample().Match(line);
            Assert.True(match.Success, $"Not a Prometheus sample line: {line}");
            var labels = Label().Matches(match.Groups["labels"].Value).ToDictionary(m => m.Groups["key"].Value, m => m.Groups["value"].Value);
            _samples.Add((match.Groups["name"].Value, labels, double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture)));
        }
    }

    public string Text { get; }

    public static async Task<PrometheusScrape> FromAsync(HttpClient admin)
    {
        using var response = await admin.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET /metrics answered {(int)response.StatusCode}: {text}");
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        return new PrometheusScrape(text);
    }

    public bool Has(string name) => _samples.Any(s => s.Name == name);

    /// <summary>The one sample of <paramref name="name"/> whose labels include <paramref name="label"/> (if given).</summary>
    public double Value(string name, (string Key, string Value)? label = null)
    {
        var matches = _samples.Where(s => s.Name == name && (label is not { } l || (s.Labels.TryGetValue(l.Key, out var v) && v == l.Value))).ToList();
        Assert.True(matches.Count == 1, $"Expected one sample of {name}{(label is { } x ? $"{{{x.Key}=\"{x.Value}\"}}" : "")}, found {matches.Count}. Scrape:\n{Text}");
        return matches[0].Value;
    }

    /// <summary>A counter that has not been incremented yet has no sample at all; that reads as 0.</summary>
    public double CounterOrZero(string name, (string Key, string Value) label) =>
        _samples.Any(s => s.Name == name && s.Labels.TryGetValue(label.Key, out var v) && v == label.Value) ? Value(name, label) : 0;

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})?\s+(?<value>\S+)(\s+\d+)?$")]
    private static partial Regex Sample();

    [GeneratedRegex(@"(?<key>[a-zA-Z_][a-zA-Z0-9_]*)=""(?<value>(?:[^""\\]|\\.)*)""")]
    private static partial Regex Label();
}
