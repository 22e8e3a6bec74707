using System.Text.Json;
using HotReloadProxy.Text;

namespace HotReloadProxy.Configuration.Parsing;

/// <summary>
/// The properties of one JSON object as they are read, checked against the names its section allows: a typo
/// must be an error, not a silently ignored setting, and a duplicated name must not let the last one win unnoticed.
/// </summary>
/// <remarks>A mutable struct: keep it in a local and call it there, so the names seen so far stay with it.</remarks>
internal struct ObjectFields(string[] known, SectionName section)
{
    /// <summary>The most names a section may have: one bit each in the seen mask (a route has seven).</summary>
    public const int MaxKnown = 32;

    private uint _seen;

    /// <summary>
    /// Reads the property name the reader is on and moves to its value. Returns the name's index in the
    /// section's list with the value's path entered (the caller binds the value, then leaves the path); or,
    /// after reporting an unknown or repeated name and skipping its value, -1.
    /// </summary>
    public int Next(ref Utf8JsonReader reader, BindingContext context)
    {
        var nameOffset = reader.TokenStartIndex;
        var name = NameTable.Read(ref reader);
        reader.Read();
        var index = Array.IndexOf(known, name);
        if (index < 0)
        {
            context.ErrorAt(name, nameOffset, UnknownMessage(name, section.Describe(context), known));
            reader.Skip();
            return -1;
        }

        var bit = 1u << index;
        if ((_seen & bit) != 0)
        {
            context.ErrorAt(name, nameOffset, $"Property '{name}' appears twice in {section.Describe(context)}; keep one.");
            reader.Skip();
            return -1;
        }

        _seen |= bit;
        context.Enter(name);
        context.Record(reader.TokenStartIndex);
        return index;
    }

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
}

/// <summary>
/// How an error names the object it is about (<c>route routes[3]</c>, <c>cluster 'api'</c>, <c>the config</c>),
/// spelt out only for an error. Without a subject, the subject is the object's own path.
/// </summary>
internal readonly struct SectionName(string prefix, string? subject = null, string suffix = "")
{
    public static SectionName Fixed(string text) => new(text, "");

    public string Describe(BindingContext context) => prefix + (subject ?? context.Path) + suffix;
}
