using HotReloadProxy.Text;

namespace HotReloadProxy.Configuration.Parsing;

/// <summary>
/// The properties of one JSON object, checked against the names its section allows: a typo must be an
/// error, not a silently ignored setting, and a duplicated name must not let the last one win unnoticed.
/// </summary>
internal readonly struct ObjectFields
{
    /// <summary>The most names a section may have (a route has seven); a longer list fails on its first object.</summary>
    public const int MaxKnown = 8;

    private readonly string[] _known;

    // Inline in the struct: one of these per object of the file, so no array is allocated for it.
    private readonly FoundFields _found;

    /// <param name="known">The section's allowed names: a shared static array, looked up by ordinal equality.</param>
    public ObjectFields(JsonObjectValue obj, JsonPath path, SectionName section, BindingContext context, string[] known)
    {
        _known = known;
        foreach (var property in obj.Properties)
        {
            var index = Array.IndexOf(known, property.Name);
            if (index < 0)
            {
                context.Error(path.Field(property.Name), property.NameOffset, UnknownMessage(property.Name, section.ToString(), known));
                continue;
            }

            if (_found[index] is not null)
            {
                context.Error(path.Field(property.Name), property.NameOffset, $"Property '{property.Name}' appears twice in {section}; keep one.");
                continue;
            }

            _found[index] = property.Value;
            context.RecordProperty(path, property.Name, property.Value);
        }
    }

    public JsonValue? this[string name] => _found[Array.IndexOf(_known, name)];

    private static string UnknownMessage(string name, string section, string[] known)
    {
        var suggestion = known
            .Select(candidate => (candidate, distance: EditDistance.Between(name, candidate)))
            .Where(pair => pair.distance <= Math.Max(2, pair.candidate.Length / 3))
            .OrderBy(pair => pair.distance)
            .Select(pair => pair.candidate)
            .FirstOrDefault();
        var hint = suggestion is null ? "" : $" Did you mean '{suggestion}'?";
        return $"Unknown property '{name}' in {section}.{hint} Allowed: {string.Join(", ", known)}.";
    }

    [System.Runtime.CompilerServices.InlineArray(MaxKnown)]
    private struct FoundFields
    {
        private JsonValue? _first;
    }
}

/// <summary>How an error names the object it is about (<c>route routes[3]</c>, <c>cluster 'api'</c>), spelt out only for an error.</summary>
internal readonly struct SectionName(string prefix, object? subject = null, string suffix = "")
{
    public override string ToString() => prefix + subject + suffix;
}
