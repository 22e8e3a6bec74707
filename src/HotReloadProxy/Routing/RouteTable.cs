namespace HotReloadProxy.Routing;

/// <summary>
/// An immutable route table: a trie over path segments. A lookup walks only the branches the path can
/// take and returns the matching route of best precedence, so its cost tracks the path's depth, not the
/// number of routes. It must agree with the reference matcher in HotReloadProxy.Testing (a property test checks that).
/// </summary>
internal sealed class RouteTable<T>
{
    private const int StackSegments = 32;
    private readonly TrieNode _root = new();

    public RouteTable(IEnumerable<RouteEntry<T>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var sorted = entries.ToList();
        sorted.Sort(RoutePrecedence.Compare);
        for (var rank = 0; rank < sorted.Count; rank++)
        {
            sorted[rank].Rank = rank;
            Insert(sorted[rank]);
        }

        Entries = sorted;
        _root.Seal();
    }

    /// <summary>Every entry in precedence order.</summary>
    public IReadOnlyList<RouteEntry<T>> Entries { get; }

    public RouteEntry<T>? Match(string method, string host, int? port, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var needed = PathSegments.Count(path);
        Span<Range> ranges = needed <= StackSegments ? stackalloc Range[needed] : new Range[needed];
        var count = PathSegments.Split(path, ranges);
        RouteEntry<T>? best = null;
        Search(_root, path, ranges[..count], 0, method, host, port, ref best);
        return best;
    }

    private static void Search(TrieNode node, ReadOnlySpan<char> path, ReadOnlySpan<Range> segments, int depth, string method, string host, int? port, ref RouteEntry<T>? best)
    {
        if (best is not null && node.MinRank >= best.Rank)
        {
            return;
        }

        TakeFirstAccepted(node.CatchAlls, method, host, port, ref best);
        if (depth == segments.Length)
        {
            TakeFirstAccepted(node.Terminals, method, host, port, ref best);
            return;
        }

        var segment = path[segments[depth]];
        if (node.Literals is not null && node.LiteralLookup.TryGetValue(segment, out var literalChild))
        {
            Search(literalChild, path, segments, depth + 1, method, host, port, ref best);
        }

        if (node.Parameter is not null && !segment.IsEmpty)
        {
            Search(node.Parameter, path, segments, depth + 1, method, host, port, ref best);
        }
    }

    private static void TakeFirstAccepted(List<RouteEntry<T>>? candidates, string method, string host, int? port, ref RouteEntry<T>? best)
    {
        if (candidates is null)
        {
            return;
        }

        foreach (var candidate in candidates)
        {
            if (best is not null && candidate.Rank >= best.Rank)
            {
                return;
            }

            if (candidate.AcceptsMethodAndHost(method, host, port))
            {
                best = candidate;
                return;
            }
        }
    }

    private void Insert(RouteEntry<T> entry)
    {
        var node = _root;
        foreach (var segment in entry.Template.Segments)
        {
            switch (segment.Kind)
            {
                case SegmentKind.CatchAll:
                    (node.CatchAlls ??= []).Add(entry);
                    return;
                case SegmentKind.Parameter:
                    node = node.Parameter ??= new TrieNode();
                    break;
                default:
                    node.Literals ??= new Dictionary<string, TrieNode>(StringComparer.OrdinalIgnoreCase);
                    if (!node.Literals.TryGetValue(segment.Text, out var child))
                    {
                        child = new TrieNode();
                        node.Literals.Add(segment.Text, child);
                    }

                    node = child;
                    break;
            }
        }

        (node.Terminals ??= []).Add(entry);
    }

    private sealed class TrieNode
    {
        public Dictionary<string, TrieNode>? Literals { get; set; }

        public Dictionary<string, TrieNode>.AlternateLookup<ReadOnlySpan<char>> LiteralLookup { get; private set; }

        public TrieNode? Parameter { get; set; }

        public List<RouteEntry<T>>? CatchAlls { get; set; }

        public List<RouteEntry<T>>? Terminals { get; set; }

        /// <summary>The best rank anywhere below this node, so a search can skip subtrees that cannot win.</summary>
        public int MinRank { get; private set; } = int.MaxValue;

        public int Seal()
        {
            // Entries were inserted in rank order, so each list is already sorted by rank.
            var min = Math.Min(CatchAlls?[0].Rank ?? int.MaxValue, Terminals?[0].Rank ?? int.MaxValue);
            if (Literals is not null)
            {
                LiteralLookup = Literals.GetAlternateLookup<ReadOnlySpan<char>>();
                foreach (var child in Literals.Values)
                {
                    min = Math.Min(min, child.Seal());
                }
            }

            if (Parameter is not null)
            {
                min = Math.Min(min, Parameter.Seal());
            }

            MinRank = min;
            return min;
        }
    }
}
