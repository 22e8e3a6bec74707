namespace HotReloadProxy.Routing;

/// <summary>
/// <see cref="RoutePrecedence.Compare"/> as a value computed once per route, so the route table sorts thousands of
/// routes by comparing integers instead of walking two templates' segments for every comparison. A template's
/// segment kinds are packed into one number, most significant first, where a smaller digit is more specific:
/// literal 1, parameter 2, end of template 3, catch-all 4. Comparing the numbers then gives exactly the rule:
/// at the first differing segment the more specific kind wins; where one template ends and the other continues,
/// the end beats a catch-all and loses to a literal or a parameter (the longer template goes first).
/// </summary>
internal readonly struct PrecedenceKey : IComparable<PrecedenceKey>
{
    private const int BitsPerSegment = 3;

    /// <summary>Templates of up to this many segments are packed (63 bits); longer ones compare segment by segment.</summary>
    internal const int MaxPackedSegments = 21;

    private readonly RouteTemplate _template;
    private readonly ulong _kinds;
    private readonly bool _packed;
    private readonly int _order;
    private readonly bool _hasMethods;
    private readonly bool _hasHosts;
    private readonly int _declarationIndex;

    private PrecedenceKey(RouteTemplate template, int order, bool hasMethods, bool hasHosts, int declarationIndex)
    {
        _template = template;
        _order = order;
        _hasMethods = hasMethods;
        _hasHosts = hasHosts;
        _declarationIndex = declarationIndex;
        _packed = template.Segments.Length <= MaxPackedSegments;
        _kinds = _packed ? Pack(template) : 0;
    }

    public static PrecedenceKey Of<T>(RouteEntry<T> entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new PrecedenceKey(entry.Template, entry.Order, entry.Methods is not null, entry.Hosts is not null, entry.DeclarationIndex);
    }

    public int CompareTo(PrecedenceKey other)
    {
        var byOrder = _order.CompareTo(other._order);
        if (byOrder != 0)
        {
            return byOrder;
        }

        var bySpecificity = _packed && other._packed
            ? _kinds.CompareTo(other._kinds)
            : RoutePrecedence.CompareSpecificity(_template, other._template);
        if (bySpecificity != 0)
        {
            return bySpecificity;
        }

        var byMethods = other._hasMethods.CompareTo(_hasMethods);
        if (byMethods != 0)
        {
            return byMethods;
        }

        var byHosts = other._hasHosts.CompareTo(_hasHosts);
        return byHosts != 0 ? byHosts : _declarationIndex.CompareTo(other._declarationIndex);
    }

    private static ulong Pack(RouteTemplate template)
    {
        var kinds = 0UL;
        for (var i = 0; i < MaxPackedSegments; i++)
        {
            var digit = i < template.Segments.Length ? Digit(template.Segments[i].Kind) : 3UL;
            kinds = (kinds << BitsPerSegment) | digit;
        }

        return kinds;
    }

    private static ulong Digit(SegmentKind kind) => kind switch
    {
        SegmentKind.Literal => 1,
        SegmentKind.Parameter => 2,
        _ => 4,
    };
}
