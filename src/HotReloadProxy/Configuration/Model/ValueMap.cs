using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace HotReloadProxy.Configuration.Model;

/// <summary>
/// An immutable, insertion-ordered dictionary with value equality (order-insensitive), so records that
/// hold maps (clusters, destinations, headers) compare by content.
/// </summary>
internal sealed class ValueMap<TValue> : IReadOnlyDictionary<string, TValue>, IEquatable<ValueMap<TValue>>
{
    private readonly KeyValuePair<string, TValue>[] _ordered;
    private readonly Dictionary<string, TValue> _lookup;

    public ValueMap(IEnumerable<KeyValuePair<string, TValue>> entries, StringComparer comparer)
    {
        ArgumentNullException.ThrowIfNull(entries);
        _ordered = entries.ToArray();
        _lookup = new Dictionary<string, TValue>(_ordered.Length, comparer);
        foreach (var (key, value) in _ordered)
        {
            _lookup[key] = value;
        }

        Comparer = comparer;
    }

    /// <summary>Takes ownership of entries already checked for duplicate keys and of their lookup, built with <paramref name="comparer"/>.</summary>
    internal ValueMap(KeyValuePair<string, TValue>[] ordered, Dictionary<string, TValue> lookup, StringComparer comparer)
    {
        _ordered = ordered;
        _lookup = lookup;
        Comparer = comparer;
    }

    public StringComparer Comparer { get; }

    public static ValueMap<TValue> EmptyOrdinal { get; } = new([], StringComparer.Ordinal);

    public static ValueMap<TValue> EmptyIgnoreCase { get; } = new([], StringComparer.OrdinalIgnoreCase);

    public int Count => _lookup.Count;

    public TValue this[string key] => _lookup[key];

    public IEnumerable<string> Keys => _ordered.Select(entry => entry.Key);

    public IEnumerable<TValue> Values => _ordered.Select(entry => entry.Value);

    public bool ContainsKey(string key) => _lookup.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out TValue value) => _lookup.TryGetValue(key, out value);

    public IEnumerator<KeyValuePair<string, TValue>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, TValue>>)_ordered).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _ordered.GetEnumerator();

    public bool Equals(ValueMap<TValue>? other)
    {
        if (other is null || other.Count != Count)
        {
            return false;
        }

        foreach (var (key, value) in _lookup)
        {
            if (!other._lookup.TryGetValue(key, out var otherValue) || !EqualityComparer<TValue>.Default.Equals(value, otherValue))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => Equals(obj as ValueMap<TValue>);

    public override int GetHashCode()
    {
        // Order-insensitive so it agrees with Equals.
        var hash = 0;
        foreach (var (key, value) in _lookup)
        {
            hash ^= HashCode.Combine(Comparer.GetHashCode(key), value);
        }

        return hash;
    }

    public override string ToString() => "{" + string.Join(", ", _ordered.Select(e => $"{e.Key}: {e.Value}")) + "}";
}
