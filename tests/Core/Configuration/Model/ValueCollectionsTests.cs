using HotReloadProxy.Configuration.Model;

namespace HotReload.Core.Tests.Configuration.Model;

/// <summary>
/// The config's lists and maps compare by content: the reload diff tells a changed route or cluster from an
/// unchanged one by equality, and a config written out and parsed back must equal the original.
/// </summary>
[Requirement("CV-14", "DR-07")]
public sealed class ValueCollectionsTests
{
    private static ValueMap<string> Map(StringComparer comparer, params (string Key, string Value)[] entries) =>
        new(entries.Select(e => KeyValuePair.Create(e.Key, e.Value)), comparer);

    [Fact]
    public void Maps_with_the_same_entries_in_another_order_are_equal_with_equal_hash_codes()
    {
        var a = Map(StringComparer.Ordinal, ("x", "1"), ("y", "2"), ("z", "3"));
        var b = Map(StringComparer.Ordinal, ("z", "3"), ("x", "1"), ("y", "2"));

        Assert.True(a.Equals(b));
        Assert.True(a.Equals((object)b));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    [Fact]
    public void Maps_differing_in_a_value_a_key_or_the_number_of_entries_are_not_equal()
    {
        var a = Map(StringComparer.Ordinal, ("x", "1"), ("y", "2"));

        Assert.False(a.Equals(Map(StringComparer.Ordinal, ("x", "1"), ("y", "3"))));
        Assert.False(a.Equals(Map(StringComparer.Ordinal, ("x", "1"), ("w", "2"))));
        Assert.False(a.Equals(Map(StringComparer.Ordinal, ("x", "1"))));
        Assert.False(Map(StringComparer.Ordinal, ("x", "1")).Equals(a));
        Assert.False(a.Equals(Map(StringComparer.Ordinal, ("x", "1"), ("y", "2"), ("z", "3"))));
        Assert.False(a.Equals((ValueMap<string>?)null));
        Assert.False(a.Equals((object?)"x"));
        Assert.NotEqual(a.GetHashCode(), Map(StringComparer.Ordinal, ("x", "1"), ("y", "3")).GetHashCode());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(ValueMap<string>.ScanLimit)]
    [InlineData(ValueMap<string>.ScanLimit + 1)]
    [InlineData(20)]
    public void Small_maps_scanned_and_large_maps_hashed_look_up_and_compare_alike(int size)
    {
        // Up to the scan limit a map has no dictionary; past it, it has one. Either way it must answer the same.
        var entries = Enumerable.Range(0, size).Select(i => KeyValuePair.Create("X-H" + i, "v" + i)).ToArray();
        var built = new ValueMap<string>(entries, StringComparer.OrdinalIgnoreCase);
        var owned = ValueMap<string>.FromDistinct(entries.Reverse().ToArray(), StringComparer.OrdinalIgnoreCase);

        foreach (var map in new[] { built, owned })
        {
            Assert.Equal(size, map.Count);
            Assert.Equal(size, map.EntryCount);
            Assert.All(entries, e => Assert.Equal(e.Value, map[e.Key.ToLowerInvariant()]));
            Assert.True(map.ContainsKey("x-h0"));
            Assert.False(map.ContainsKey("X-H" + size));
            Assert.False(map.TryGetValue("X-Missing", out _));
            Assert.Throws<KeyNotFoundException>(() => map["X-Missing"]);
        }

        Assert.True(built.Equals(owned));
        Assert.True(owned.Equals(built));
        Assert.Equal(built.GetHashCode(), owned.GetHashCode());
        var changed = entries.Select((e, i) => i == size - 1 ? KeyValuePair.Create(e.Key, "other") : e);
        Assert.False(built.Equals(new ValueMap<string>(changed, StringComparer.OrdinalIgnoreCase)));
        Assert.False(new ValueMap<string>(changed, StringComparer.OrdinalIgnoreCase).Equals(built));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(ValueMap<string>.ScanLimit + 2)]
    public void A_key_given_twice_counts_once_and_the_last_value_wins_in_a_map_of_any_size(int size)
    {
        var entries = Enumerable.Range(0, size - 1).Select(i => KeyValuePair.Create("k" + i, "v" + i)).Append(KeyValuePair.Create("K0", "last")).ToList();
        var map = new ValueMap<string>(entries, StringComparer.OrdinalIgnoreCase);

        Assert.Equal(size - 1, map.Count);
        Assert.Equal(size, map.EntryCount);
        Assert.Equal("last", map["k0"]);
        var distinct = new ValueMap<string>(entries.Skip(1), StringComparer.OrdinalIgnoreCase);
        Assert.True(map.Equals(distinct));
        Assert.Equal(distinct.GetHashCode(), map.GetHashCode());
    }

    [Fact]
    public void A_map_keeps_the_declared_order_and_looks_up_with_its_comparer()
    {
        var headers = Map(StringComparer.OrdinalIgnoreCase, ("X-B", "2"), ("X-A", "1"));

        Assert.Equal(2, headers.Count);
        Assert.Equal(["X-B", "X-A"], headers.Keys);
        Assert.Equal(["2", "1"], headers.Values);
        Assert.Equal(["X-B", "X-A"], headers.Select(e => e.Key));
        Assert.Equal(["X-B", "X-A"], ((System.Collections.IEnumerable)headers).Cast<KeyValuePair<string, string>>().Select(e => e.Key));
        Assert.Equal("1", headers["x-a"]);
        Assert.True(headers.ContainsKey("x-b"));
        Assert.True(headers.TryGetValue("X-a", out var value));
        Assert.Equal("1", value);
        Assert.False(headers.TryGetValue("X-C", out _));
        Assert.Same(StringComparer.OrdinalIgnoreCase, headers.Comparer);
        Assert.Equal("{X-B: 2, X-A: 1}", headers.ToString());
    }

    [Fact]
    public void The_empty_maps_are_empty_and_compare_with_their_own_comparer()
    {
        Assert.Empty(ValueMap<string>.EmptyOrdinal);
        Assert.Empty(ValueMap<string>.EmptyIgnoreCase);
        Assert.Same(StringComparer.Ordinal, ValueMap<string>.EmptyOrdinal.Comparer);
        Assert.Same(StringComparer.OrdinalIgnoreCase, ValueMap<string>.EmptyIgnoreCase.Comparer);
        Assert.True(ValueMap<string>.EmptyOrdinal.Equals(Map(StringComparer.Ordinal)));
    }

    [Fact]
    public void Lists_are_equal_only_with_the_same_items_in_the_same_order_and_then_hash_alike()
    {
        var a = new ValueList<string>(["GET", "POST"]);

        Assert.True(a.Equals(new ValueList<string>(["GET", "POST"])));
        Assert.True(a.Equals((object)new ValueList<string>(["GET", "POST"])));
        Assert.Equal(a.GetHashCode(), new ValueList<string>(["GET", "POST"]).GetHashCode());
        Assert.False(a.Equals(new ValueList<string>(["POST", "GET"])));
        Assert.False(a.Equals(new ValueList<string>(["GET"])));
        Assert.False(a.Equals((ValueList<string>?)null));
        Assert.False(a.Equals((object?)"GET"));
        Assert.NotEqual(a.GetHashCode(), new ValueList<string>(["POST", "GET"]).GetHashCode());
    }

    [Fact]
    public void A_list_reads_back_its_items_in_order()
    {
        var list = new ValueList<string>(["a", "b"]);

        Assert.Equal(2, list.Count);
        Assert.Equal("b", list[1]);
        Assert.Equal(["a", "b"], list);
        Assert.Equal(["a", "b"], ((System.Collections.IEnumerable)list).Cast<string>());
        Assert.Equal("[a, b]", list.ToString());
        Assert.Empty(ValueList<string>.Empty);
    }
}
