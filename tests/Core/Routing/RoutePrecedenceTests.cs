using HotReloadProxy.Routing;
using HotReloadProxy.Testing.Routing;

namespace HotReload.Core.Tests.Routing;

/// <summary>The precedence rule compared pair by pair, and route-table lookups where the search may skip a branch.</summary>
[Requirement("PX-03")]
public sealed class RoutePrecedenceTests
{
    private static RouteEntry<string> Entry(string template, int declarationIndex = 0, int order = 0, string[]? methods = null, string[]? hosts = null) =>
        new(RouteTemplateParser.Parse(template), methods,
            hosts?.Select(h => HostPattern.TryParse(h, out var p) ? p! : throw new ArgumentException(h)).ToList(),
            order, declarationIndex, template);

    private static int Specificity(string a, string b) =>
        RoutePrecedence.CompareSpecificity(RouteTemplateParser.Parse(a), RouteTemplateParser.Parse(b));

    [Theory]
    [InlineData("/a", "/a/{**rest}")]
    [InlineData("/a/{id}", "/a/{id}/{**rest}")]
    [InlineData("/", "/{**all}")]
    public void An_exact_template_is_more_specific_than_the_same_template_continued_by_a_catch_all(string exact, string catchAll)
    {
        Assert.Equal(-1, Specificity(exact, catchAll));
        Assert.Equal(1, Specificity(catchAll, exact));
    }

    [Theory]
    [InlineData("/a/b", "/a")]
    [InlineData("/a/{id}", "/a")]
    [InlineData("/a/b/c", "/a/b")]
    public void A_longer_template_that_continues_with_a_literal_or_a_parameter_goes_first(string longer, string shorter)
    {
        Assert.Equal(-1, Specificity(longer, shorter));
        Assert.Equal(1, Specificity(shorter, longer));
    }

    [Theory]
    [InlineData("/a/b", "/a/{id}")]
    [InlineData("/a/{id}", "/a/{**rest}")]
    [InlineData("/a/b", "/{x}/b")]
    public void Literal_beats_parameter_beats_catch_all_at_the_first_difference(string moreSpecific, string lessSpecific)
    {
        Assert.True(Specificity(moreSpecific, lessSpecific) < 0);
        Assert.True(Specificity(lessSpecific, moreSpecific) > 0);
    }

    [Fact]
    public void Templates_of_the_same_shape_are_equally_specific()
    {
        Assert.Equal(0, Specificity("/a/{id}", "/b/{x}"));
        Assert.Equal(0, Specificity("/", "/"));
    }

    [Fact]
    public void Routes_equal_in_every_rule_go_in_declaration_order()
    {
        var first = Entry("/a", declarationIndex: 0);
        var second = Entry("/a", declarationIndex: 1);

        Assert.True(RoutePrecedence.Compare(first, second) < 0);
        Assert.True(RoutePrecedence.Compare(second, first) > 0);
        Assert.Equal(0, RoutePrecedence.Compare(first, first));
    }

    [Fact]
    public void A_route_that_constrains_hosts_beats_one_that_does_not_before_declaration_order()
    {
        var open = Entry("/a", declarationIndex: 0);
        var hosted = Entry("/a", declarationIndex: 1, hosts: ["example.com"]);

        Assert.True(RoutePrecedence.Compare(hosted, open) < 0);
        Assert.True(RoutePrecedence.Compare(open, hosted) > 0);
    }

    [Fact]
    public void An_empty_methods_or_hosts_list_constrains_nothing()
    {
        var entry = Entry("/a", methods: [], hosts: []);

        Assert.Null(entry.Methods);
        Assert.Null(entry.Hosts);
        Assert.True(entry.AcceptsMethodAndHost("DELETE", "anything.test", 1));
        Assert.Equal(0, RoutePrecedence.Compare(entry, Entry("/a")));
    }

    [Fact]
    public void A_catch_all_below_a_literal_is_found_even_after_a_worse_catch_all_above_it_matched()
    {
        // The root's catch-all matches first; the search must still descend into "a", whose only route is a
        // catch-all of better rank.
        var entries = new[] { Entry("/{**all}", declarationIndex: 0, order: 1), Entry("/a/{**rest}", declarationIndex: 1, order: 0) };
        var table = new RouteTable<string>(entries);

        Assert.Equal("/a/{**rest}", table.Match("GET", "h", 80, "/a/b")?.Value);
        Assert.Equal("/a/{**rest}", ReferenceMatcher.Match(entries, "GET", "h", 80, "/a/b")?.Value);
        Assert.Equal("/{**all}", table.Match("GET", "h", 80, "/b")?.Value);
    }

    [Theory]
    [InlineData("a/b", new[] { "a", "b" })]
    [InlineData("/a/b", new[] { "a", "b" })]
    [InlineData("/a/b/", new[] { "a", "b" })]
    [InlineData("a", new[] { "a" })]
    [InlineData("/a//b", new[] { "a", "", "b" })]
    [InlineData("/", new string[0])]
    public void A_path_splits_into_its_segments_with_or_without_a_leading_slash(string path, string[] segments)
    {
        Assert.Equal(segments, PathSegments.Split(path));
    }

    [Fact]
    public void A_path_without_a_leading_slash_is_matched_like_one_with_it()
    {
        var table = new RouteTable<string>([Entry("/a/{id}")]);

        Assert.Equal("/a/{id}", table.Match("GET", "h", 80, "a/5")?.Value);
    }

    [Fact]
    public void A_path_deeper_than_the_stack_buffer_is_matched()
    {
        var deep = string.Concat(Enumerable.Repeat("/x", 40));
        var table = new RouteTable<string>([Entry("/x/{**rest}"), Entry(deep)]);

        Assert.Equal(deep, table.Match("GET", "h", 80, deep)?.Value);
        Assert.Equal("/x/{**rest}", table.Match("GET", "h", 80, deep + "/y")?.Value);
    }

    [Fact]
    public void The_route_tables_sort_key_orders_every_pair_as_the_rule_does()
    {
        // Short templates are packed into one number; those over the packing limit compare segment by segment.
        var longLiteral = "/" + string.Join("/", Enumerable.Range(0, PrecedenceKey.MaxPackedSegments + 1).Select(i => "s" + i));
        var atLimit = "/" + string.Join("/", Enumerable.Range(0, PrecedenceKey.MaxPackedSegments).Select(i => "s" + i));
        string[] templates =
        [
            "/", "/a", "/a/b", "/a/{id}", "/{x}", "/{**rest}", "/a/{**rest}", "/a/b/{**rest}", "/a/{id}/b", "/{x}/{y}",
            "/{x}/b", "/a/{id}/{**rest}", atLimit, atLimit + "/{**rest}", longLiteral, longLiteral + "/{id}",
            longLiteral + "/{**rest}", "/" + string.Join("/", Enumerable.Range(0, PrecedenceKey.MaxPackedSegments + 1).Select(i => "{p" + i + "}")),
        ];
        var entries = new List<RouteEntry<string>>();
        var index = 0;
        foreach (var template in templates)
        {
            entries.Add(Entry(template, index++));
            entries.Add(Entry(template, index++));
            entries.Add(Entry(template, index++, order: -1));
            entries.Add(Entry(template, index++, methods: ["GET"]));
            entries.Add(Entry(template, index++, hosts: ["example.com"]));
        }

        foreach (var a in entries)
        {
            foreach (var b in entries)
            {
                var expected = Math.Sign(RoutePrecedence.Compare(a, b));
                var actual = Math.Sign(PrecedenceKey.Of(a).CompareTo(PrecedenceKey.Of(b)));
                Assert.True(expected == actual, $"{a.Value} (#{a.DeclarationIndex}, order {a.Order}) vs {b.Value} (#{b.DeclarationIndex}, order {b.Order}): rule {expected}, key {actual}");
            }
        }
    }

    [Fact]
    public void A_node_with_three_or_more_literal_children_finds_each_of_them_after_a_catch_all_has_matched()
    {
        // The first literal child is kept inline, the second turns the node's children into a dictionary, the third
        // is added to it. The root's catch-all matches first, so the search enters "a" only if that node's best rank
        // (over its dictionary's children) is known to be better than the catch-all's.
        RouteEntry<string>[] entries = [Entry("/{**all}", 0), Entry("/a/b", 1), Entry("/a/c", 2), Entry("/a/d", 3)];
        var table = new RouteTable<string>(entries);

        foreach (var path in new[] { "/a/b", "/a/c", "/a/d" })
        {
            Assert.Equal(path, table.Match("GET", "h", 80, path)?.Value);
            Assert.Equal(path, ReferenceMatcher.Match(entries, "GET", "h", 80, path)?.Value);
        }

        Assert.Equal("/{**all}", table.Match("GET", "h", 80, "/a/e")?.Value);
    }
}
