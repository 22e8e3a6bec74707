namespace HotReloadProxy.Configuration.Parsing;

/// <summary>
/// The properties of one JSON object, checked against the names its section allows: a typo must be an
/// error, not a silently ignored setting, and a duplicated name must not let the last one win unnoticed.
/// </summary>
internal sealed class ObjectFields
{
    private readonly Dictionary<string, JsonPropertyValue> _byName = new(StringComparer.Ordinal);

    public ObjectFields(JsonObjectValue obj, string path, string section, BindingContext context, params string[] known)
    {
        foreach (var property in obj.Properties)
        {
            var propertyPath = JsonPaths.Property(path, property.Name);
            if (!known.Contains(property.Name, StringComparer.Ordinal))
            {
                context.Error(propertyPath, property.NamePosition, UnknownMessage(property.Name, section, known));
                continue;
            }

            if (!_byName.TryAdd(property.Name, property))
            {
                context.Error(propertyPath, property.NamePosition, $"Property '{property.Name}' appears twice in {section}; keep one.");
                continue;
            }

            context.Record(propertyPath, property.Value);
        }
    }

    public JsonValue? this[string name] => _byName.TryGetValue(name, out var property) ? property.Value : null;

    private static string UnknownMessage(string name, string section, string[] known)
    {
        var suggestion = known
            .Select(candidate => (candidate, distance: EditDistance(name.ToUpperInvariant(), candidate.ToUpperInvariant())))
            .Where(pair => pair.distance <= Math.Max(2, pair.candidate.Length / 3))
            .OrderBy(pair => pair.distance)
            .Select(pair => pair.candidate)
            .FirstOrDefault();
        var hint = suggestion is null ? "" : $" Did you mean '{suggestion}'?";
        return $"Unknown property '{name}' in {section}.{hint} Allowed: {string.Join(", ", known)}.";
    }

    private static int EditDistance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
