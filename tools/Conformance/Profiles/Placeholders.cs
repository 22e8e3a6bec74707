using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace HotReload.Conformance.Profiles;

/// <summary>
/// Fills <c>{{name}}</c> placeholders and <c>{{#flag}}…{{/flag}}</c> blocks (kept when the flag is on). A
/// placeholder nobody knows is an error naming it, so a typo in a profile cannot silently render literally.
/// </summary>
public static partial class Placeholders
{
    public static string Render(string template, IReadOnlyDictionary<string, string> values, IReadOnlyDictionary<string, bool>? flags = null)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(values);
        var withBlocks = BlockPattern().Replace(template, match =>
        {
            var name = match.Groups["name"].Value;
            if (flags is null || !flags.TryGetValue(name, out var on))
            {
                throw new FormatException($"The template has a block {{{{#{name}}}}} but the runner knows no flag '{name}' (known: drainRoute).");
            }

            return on ? match.Groups["body"].Value : "";
        });
        return PlaceholderPattern().Replace(withBlocks, match =>
        {
            var name = match.Groups["name"].Value;
            return values.TryGetValue(name, out var value)
                ? value
                : throw new FormatException($"Unknown placeholder {{{{{name}}}}}; known: {string.Join(", ", values.Keys.Order(StringComparer.Ordinal))}.");
        });
    }

    public static Dictionary<string, string> Values(params (string Name, object Value)[] pairs)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in pairs)
        {
            values[name] = Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
        }

        return values;
    }

    public static string Describe(IReadOnlyDictionary<string, string> values) =>
        values.Aggregate(new StringBuilder(), (text, pair) => text.Append(pair.Key).Append('=').Append(pair.Value).Append(' ')).ToString().Trim();

    [GeneratedRegex(@"\{\{#(?<name>[A-Za-z]+)\}\}(?<body>.*?)\{\{/\k<name>\}\}", RegexOptions.Singleline)]
    private static partial Regex BlockPattern();

    [GeneratedRegex(@"\{\{(?<name>[A-Za-z]+)\}\}")]
    private static partial Regex PlaceholderPattern();
}
