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
