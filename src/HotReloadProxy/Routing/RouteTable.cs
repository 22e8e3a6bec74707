using System.Buffers;

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
        var sorted = entries.ToArray();
        // The keys live only for the sort, and for a large table they would be a large-object-heap array per
        // reload (32 bytes a route): borrowed from the pool instead, and cleared on return (they hold templates).
        var keys = ArrayPool<PrecedenceKey>.Shared.Rent(sorted.Length);
        try
        {
            for (var i = 0; i < sorted.Length; i++)
            {
                keys[i] = PrecedenceKey.Of(sorted[i]);
            }

            Array.Sort(keys, sorted, 0, sorted.Length);
        }
        finally
        {
            ArrayPool<PrecedenceKey>.Shared.Return(keys, clearArray: true);
        }

        for (var rank = 0; rank < sorted.Length; rank++)
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
        if (node.OnlyLiteral is not null)
        {
            if (segment.Equals(node.OnlyLiteral, StringComparison.OrdinalIgnoreCase))
            {
                Search(node.OnlyLiteralChild!, path, segments, depth + 1, method, host, port, ref best);
            }
        }
        else if (node.Literals is not null && node.LiteralLookup.TryGetValue(segment, out var literalChild))
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
                    (node.CatchAlls ??= new(1)).Add(entry);
                    return;
                case SegmentKind.Parameter:
                    node = node.Parameter ??= new TrieNode();
                    break;
                default:
                    node = node.LiteralChild(segment.Text);
                    break;
            }
        }

        // Most nodes end one route: a list of one, not the default first growth to four.
        (node.Terminals ??= new(1)).Add(entry);
    }

    private sealed class TrieNode
    {
        /// <summary>
        /// The literal child while there is only one, which is most nodes below the first segment or two: a string
        /// compare instead of a dictionary, and no dictionary per node of a large table.
        /// </summary>
        public string? OnlyLiteral { get; private set; }

        public TrieNode? OnlyLiteralChild { get; private set; }

        /// <summary>The literal children once there are two or more (then <see cref="OnlyLiteral"/> is null).</summary>
        public Dictionary<string, TrieNode>? Literals { get; private set; }

        public Dictionary<string, TrieNode>.AlternateLookup<ReadOnlySpan<char>> LiteralLookup { get; private set; }

        public TrieNode? Parameter { get; set; }

        public List<RouteEntry<T>>? CatchAlls { get; set; }

        public List<RouteEntry<T>>? Terminals { get; set; }

        /// <summary>The best rank anywhere below this node, so a search can skip subtrees that cannot win.</summary>
        public int MinRank { get; private set; } = int.MaxValue;

        public TrieNode LiteralChild(string text)
        {
            if (Literals is not null)
            {
                if (!Literals.TryGetValue(text, out var child))
                {
                    child = new TrieNode();
                    Literals.Add(text, child);
                }

                return child;
            }

            if (OnlyLiteral is null)
            {
                OnlyLiteral = text;
                return OnlyLiteralChild = new TrieNode();
            }

            if (string.Equals(OnlyLiteral, text, StringComparison.OrdinalIgnoreCase))
            {
                return OnlyLiteralChild!;
            }

            var added = new TrieNode();
            Literals = new Dictionary<string, TrieNode>(StringComparer.OrdinalIgnoreCase) { [OnlyLiteral] = OnlyLiteralChild!, [text] = added };
            OnlyLiteral = null;
            OnlyLiteralChild = null;
            return added;
        }

        public int Seal()
        {
            // Entries were inserted in rank order, so each list is already sorted by rank.
            var min = Math.Min(CatchAlls?[0].Rank ?? int.MaxValue, Terminals?[0].Rank ?? int.MaxValue);
            if (OnlyLiteralChild is not null)
            {
                min = Math.Min(min, OnlyLiteralChild.Seal());
            }

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
