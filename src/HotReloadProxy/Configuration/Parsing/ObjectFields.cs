using System.Text.Json;
using HotReloadProxy.Text;

namespace HotReloadProxy.Configuration.Parsing;

/// <summary>Binds the value of one known property of a section, as <see cref="ObjectFields.Read"/> hands it over.</summary>
internal interface ISectionBinder
{
    /// <param name="field">The property's index in the section's list of names.</param>
    /// <param name="reader">On the property's value; to be left on its last token.</param>
    /// <param name="context">With the property's path entered.</param>
    void Bind(int field, ref Utf8JsonReader reader, BindingContext context);
}

/// <summary>
/// The properties of one JSON object as they are read, checked against the names its section allows: a typo
/// must be an error, not a silently ignored setting, and a duplicated name must not let the last one win unnoticed.
/// </summary>
internal struct ObjectFields
{
    /// <summary>The most names a section may have: one bit each in the seen mask (a route has seven).</summary>
    public const int MaxKnown = 32;

    private readonly string[] _known;
    private readonly SectionName _section;
    private uint _seen;

    private ObjectFields(string[] known, SectionName section)
    {
        _known = known;
        _section = section;
    }

    /// <summary>
    /// Reads the object the reader is on to its end, handing each known property's value to
    /// <paramref name="binder"/> and reporting (and skipping) unknown and repeated ones. The binder is a struct
    /// passed by reference, so binding an object allocates nothing but what the binder builds.
    /// </summary>
    public static void Read<TBinder>(ref Utf8JsonReader reader, BindingContext context, string[] known, SectionName section, ref TBinder binder)
        where TBinder : struct, ISectionBinder
    {
        var fields = new ObjectFields(known, section);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var field = fields.Next(ref reader, context);
            if (field >= 0)
            {
                binder.Bind(field, ref reader, context);
                context.Leave();
            }
        }
    }

    /// <summary>
    /// Reads the property name the reader is on and moves to its value. Returns the name's index in the
    /// section's list with the value's path entered; or, after reporting an unknown or repeated name and
    /// skipping its value, -1.
    /// </summary>
    private int Next(ref Utf8JsonReader reader, BindingContext context)
    {
        var nameOffset = reader.TokenStartIndex;
        var name = NameTable.Read(ref reader);
        reader.Read();
        var index = Array.IndexOf(_known, name);
        if (index < 0)
        {
            context.ErrorAt(name, nameOffset, UnknownMessage(name, _section.Describe(context), _known));
            reader.Skip();
            return -1;
        }

        var bit = 1u << index;
        if ((_seen & bit) != 0)
        {
            context.ErrorAt(name, nameOffset, $"Property '{name}' appears twice in {_section.Describe(context)}; keep one.");
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
