using System.Collections.Immutable;
using HotReloadProxy.Configuration.Model;

namespace HotReloadProxy.Configuration.Parsing;

/// <summary>
/// Finds a property name that repeats an earlier one in the same object. Most objects that can repeat a name (a
/// cluster's destinations, a header map) hold one or two, so they are scanned instead of given a set each; a large
/// object gets a set, so a hostile file cannot make the scan quadratic.
/// </summary>
internal readonly struct RepeatedNames
{
    /// <summary>Up to this many properties, names are compared by a scan: the limit up to which a map scans too.</summary>
    public const int ScanLimit = ValueMap<string>.ScanLimit;

    private readonly ImmutableArray<JsonPropertyValue> _properties;
    private readonly StringComparer _comparer;
    private readonly HashSet<string>? _seen;

    public RepeatedNames(JsonObjectValue obj, StringComparer comparer)
    {
        _properties = obj.Properties;
        _comparer = comparer;
        _seen = obj.Properties.Length > ScanLimit ? new HashSet<string>(comparer) : null;
    }

    /// <summary>Whether property <paramref name="index"/> repeats the name of one before it; ask in index order.</summary>
    public bool IsRepeat(int index)
    {
        var name = _properties[index].Name;
        if (_seen is not null)
        {
            return !_seen.Add(name);
        }

        for (var i = 0; i < index; i++)
        {
            if (_comparer.Equals(_properties[i].Name, name))
            {
                return true;
            }
        }

        return false;
    }
}
