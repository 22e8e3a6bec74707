using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace HotReloadProxy.Configuration.Model;

/// <summary>
/// An immutable, insertion-ordered dictionary with value equality (order-insensitive), so records that
/// hold maps (clusters, destinations, headers) compare by content.
/// </summary>
internal sealed class ValueMap<TValue> : IReadOnlyDictionary<string, TValue>, IEquatable<ValueMap<TValue>>
{
    /// <summary>
    /// Up to this many entries there is no dictionary: a scan is as quick, and a config holds a map per header
    /// transform and per cluster's destinations, nearly all of one or two entries.
    /// </summary>
    internal const int ScanLimit = 8;

    private readonly KeyValuePair<string, TValue>[] _ordered;

    // Null when the keys are distinct and few: lookups scan _ordered.
    private readonly Dictionary<string, TValue>? _lookup;

    public ValueMap(IEnumerable<KeyValuePair<string, TValue>> entries, StringComparer comparer)
    {
        ArgumentNullException.ThrowIfNull(entries);
        _ordered = entries.ToArray();
        Comparer = comparer;
        if (_ordered.Length > ScanLimit || HasRepeatedKey(_ordered, comparer))
        {
            // A repeated key keeps the old meaning: the last value wins and counts once.
            _lookup = new Dictionary<string, TValue>(_ordered.Length, comparer);
            foreach (var (key, value) in _ordered)
            {
                _lookup[key] = value;
            }
        }
    }

    private ValueMap(KeyValuePair<string, TValue>[] ordered, Dictionary<string, TValue>? lookup, StringComparer comparer)
    {
        _ordered = ordered;
        _lookup = lookup;
        Comparer = comparer;
    }

    public StringComparer Comparer { get; }

    public static ValueMap<TValue> EmptyOrdinal { get; } = new([], StringComparer.Ordinal);

    public static ValueMap<TValue> EmptyIgnoreCase { get; } = new([], StringComparer.OrdinalIgnoreCase);

    public int Count => _lookup?.Count ?? _ordered.Length;

    /// <summary>How many entries enumerating yields: <see cref="Count"/>, unless the map was made with a key repeated.</summary>
    internal int EntryCount => _ordered.Length;

    public TValue this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"The key '{key}' is not in the map.");

    public IEnumerable<string> Keys => _ordered.Select(entry => entry.Key);

    public IEnumerable<TValue> Values => _ordered.Select(entry => entry.Value);

    /// <summary>Takes ownership of <paramref name="ordered"/>, whose keys the caller has checked are distinct under <paramref name="comparer"/>.</summary>
    internal static ValueMap<TValue> FromDistinct(KeyValuePair<string, TValue>[] ordered, StringComparer comparer)
    {
        if (ordered.Length <= ScanLimit)
        {
            return new ValueMap<TValue>(ordered, lookup: null, comparer);
        }

        var lookup = new Dictionary<string, TValue>(ordered.Length, comparer);
        foreach (var (key, value) in ordered)
        {
            lookup.Add(key, value);
        }

        return new ValueMap<TValue>(ordered, lookup, comparer);
    }

    public bool ContainsKey(string key) => TryGetValue(key, out _);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out TValue value)
    {
        if (_lookup is not null)
        {
            return _lookup.TryGetValue(key, out value);
        }

        foreach (var entry in _ordered)
        {
            if (Comparer.Equals(entry.Key, key))
            {
                value = entry.Value;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>
    /// The entries in order, for <c>foreach</c> without an enumerator object: validation and compilation walk
    /// every header map of every route on each reload.
    /// </summary>
    public ReadOnlySpan<KeyValuePair<string, TValue>>.Enumerator GetEnumerator() => new ReadOnlySpan<KeyValuePair<string, TValue>>(_ordered).GetEnumerator();

    IEnumerator<KeyValuePair<string, TValue>> IEnumerable<KeyValuePair<string, TValue>>.GetEnumerator() =>
        ((IEnumerable<KeyValuePair<string, TValue>>)_ordered).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _ordered.GetEnumerator();

    public bool Equals(ValueMap<TValue>? other)
    {
        if (other is null || other.Count != Count)
        {
            return false;
        }

        // Two loops, not one over an interface, so comparing configs (every reload's diff) allocates no enumerator.
        if (_lookup is null)
        {
            foreach (var (key, value) in _ordered)
            {
                if (!other.Holds(key, value))
                {
                    return false;
                }
            }
        }
        else
        {
            foreach (var (key, value) in _lookup)
            {
                if (!other.Holds(key, value))
                {
                    return false;
                }
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => Equals(obj as ValueMap<TValue>);

    public override int GetHashCode()
    {
        // Order-insensitive so it agrees with Equals.
        var hash = 0;
        foreach (var (key, value) in Distinct())
        {
            hash ^= HashCode.Combine(Comparer.GetHashCode(key), value);
        }

        return hash;
    }

    public override string ToString() => "{" + string.Join(", ", _ordered.Select(e => $"{e.Key}: {e.Value}")) + "}";

    /// <summary>Each key once, with the value a lookup finds.</summary>
    private IEnumerable<KeyValuePair<string, TValue>> Distinct() => _lookup is null ? _ordered : _lookup;

    private bool Holds(string key, TValue value) => TryGetValue(key, out var own) && EqualityComparer<TValue>.Default.Equals(value, own);

    private static bool HasRepeatedKey(KeyValuePair<string, TValue>[] entries, StringComparer comparer)
    {
        for (var i = 1; i < entries.Length; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (comparer.Equals(entries[i].Key, entries[j].Key))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
