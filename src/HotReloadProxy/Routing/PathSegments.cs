namespace HotReloadProxy.Routing;

/// <summary>Splits request paths the same way for the route table and the reference matcher.</summary>
internal static class PathSegments
{
    /// <summary>"/" gives no segments; a trailing slash is ignored; inner empty segments are kept (they match no parameter).</summary>
    public static int Split(ReadOnlySpan<char> path, Span<Range> ranges)
    {
        var offset = 0;
        if (path.Length > 0 && path[0] == '/')
        {
            path = path[1..];
            offset = 1;
        }

        if (path.Length > 0 && path[^1] == '/')
        {
            path = path[..^1];
        }

        if (path.IsEmpty)
        {
            return 0;
        }

        var count = path.Split(ranges, '/');
        // The ranges must index the caller's path, which still has its leading slash.
        for (var i = 0; i < count; i++)
        {
            ranges[i] = new Range(ranges[i].Start.Value + offset, ranges[i].End.Value + offset);
        }

        return count;
    }

    public static int Count(ReadOnlySpan<char> path) => path.Count('/') + 1;

    public static string[] Split(string path)
    {
        var ranges = new Range[Count(path)];
        var count = Split(path, ranges);
        var result = new string[count];
        for (var i = 0; i < count; i++)
        {
            result[i] = path[ranges[i]];
        }

        return result;
    }
}
