using HotReloadProxy.Configuration.Model;

namespace HotReloadProxy.Configuration.Parsing;

/// <summary>
/// Finds a property name that repeats an earlier one in the same object, as the object is read. Most objects that
/// can repeat a name (a cluster's destinations, a header map) hold one or two, so names are scanned instead of put
/// in a set; past <see cref="ScanLimit"/> they go in a set, so a hostile file cannot make the check quadratic.
/// One instance serves object after object (<see cref="Reset"/>), so checking allocates nothing per object.
/// </summary>
internal sealed class RepeatedNames(StringComparer comparer)
{
    /// <summary>Up to this many names, they are compared by a scan: the limit up to which a map scans too.</summary>
    public const int ScanLimit = ValueMap<string>.ScanLimit;

    private readonly List<string> _names = [];
    private HashSet<string>? _set;

    /// <summary>Forgets the names of the previous object.</summary>
    public void Reset()
    {
        _names.Clear();
        _set?.Clear();
    }

    /// <summary>Whether <paramref name="name"/> repeats a name seen since <see cref="Reset"/>; either way it is now seen.</summary>
    public bool IsRepeat(string name)
    {
        if (_names.Count < ScanLimit)
        {
            foreach (var seen in _names)
            {
                if (comparer.Equals(seen, name))
                {
                    return true;
                }
            }

            _names.Add(name);
            return false;
        }

        if (_set is null || _set.Count == 0)
        {
            _set ??= new HashSet<string>(comparer);
            _set.UnionWith(_names);
        }

        return !_set.Add(name);
    }
}
