namespace HotReloadProxy.Routing;

/// <summary>
/// The documented rule for which route wins when several match a request:
/// 1. lower <c>order</c> first;
/// 2. then the more specific template: compared segment by segment from the left, a literal beats a
///    parameter, which beats a catch-all; a template that ends where the other continues with a
///    catch-all is the more specific one;
/// 3. then a route that constrains methods, then one that constrains hosts;
/// 4. then the route declared first in the file.
/// </summary>
internal static class RoutePrecedence
{
    public static int Compare<T>(RouteEntry<T> a, RouteEntry<T> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var byOrder = a.Order.CompareTo(b.Order);
        if (byOrder != 0)
        {
            return byOrder;
        }

        var bySpecificity = CompareSpecificity(a.Template, b.Template);
        if (bySpecificity != 0)
        {
            return bySpecificity;
        }

        var byMethods = (b.Methods is not null).CompareTo(a.Methods is not null);
        if (byMethods != 0)
        {
            return byMethods;
        }

        var byHosts = (b.Hosts is not null).CompareTo(a.Hosts is not null);
        return byHosts != 0 ? byHosts : a.DeclarationIndex.CompareTo(b.DeclarationIndex);
    }

    /// <summary>Negative when <paramref name="a"/> is more specific.</summary>
    public static int CompareSpecificity(RouteTemplate a, RouteTemplate b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var shared = Math.Min(a.Segments.Length, b.Segments.Length);
        for (var i = 0; i < shared; i++)
        {
            var byKind = ((int)b.Segments[i].Kind).CompareTo((int)a.Segments[i].Kind);
            if (byKind != 0)
            {
                return byKind;
            }
        }

        // Equal up to here: the longer template continues; when it continues with a catch-all, the shorter
        // (exact) one is more specific; otherwise they cannot match the same path and the longer goes first.
        if (a.Segments.Length == b.Segments.Length)
        {
            return 0;
        }

        var longerContinuesWithCatchAll = a.Segments.Length > b.Segments.Length
            ? a.Segments[shared].Kind == SegmentKind.CatchAll
            : b.Segments[shared].Kind == SegmentKind.CatchAll;
        var aIsLonger = a.Segments.Length > b.Segments.Length;
        return longerContinuesWithCatchAll == aIsLonger ? 1 : -1;
    }
}
