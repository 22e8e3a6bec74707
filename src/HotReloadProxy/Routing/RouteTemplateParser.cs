using System.Buffers;
using System.Runtime.InteropServices;

namespace HotReloadProxy.Routing;

/// <summary>Parses path templates, with a message that says how to fix a bad one.</summary>
internal static class RouteTemplateParser
{
    private static readonly SearchValues<char> NameCharacters =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");

    public static bool TryParse(string text, out RouteTemplate? template, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        template = null;
        if (!text.StartsWith('/'))
        {
            error = $"Path template '{text}' must start with '/'.";
            return false;
        }

        if (text.AsSpan().IndexOfAny('?', '#') >= 0)
        {
            error = $"Path template '{text}' must not contain '?' or '#'; match on the path only.";
            return false;
        }

        // Read over spans into an array of the exact size: this runs for every route of every reload, and only a
        // literal's text and a parameter's name become strings.
        var body = text.Length > 1 && text.EndsWith('/') ? text.AsSpan(1, text.Length - 2) : text.AsSpan(1);
        if (body.IsEmpty)
        {
            template = new RouteTemplate(text, []);
            error = null;
            return true;
        }

        var segments = new TemplateSegment[body.Count('/') + 1];
        var index = 0;
        foreach (var range in body.Split('/'))
        {
            if (!TryParseSegment(text, body[range], index, segments, out error))
            {
                return false;
            }

            index++;
        }

        // The array is not used again here, so the template can own it without a copy.
        template = new RouteTemplate(text, ImmutableCollectionsMarshal.AsImmutableArray(segments));
        error = null;
        return true;
    }

    public static RouteTemplate Parse(string text) =>
        TryParse(text, out var template, out var error) ? template! : throw new FormatException(error);

    private static bool TryParseSegment(string text, ReadOnlySpan<char> part, int index, TemplateSegment[] segments, out string? error)
    {
        error = null;
        if (part.IsEmpty)
        {
            error = $"Path template '{text}' has an empty segment ('//'); remove the extra slash.";
            return false;
        }

        if (part.IndexOfAny('{', '}') < 0)
        {
            segments[index] = new TemplateSegment(SegmentKind.Literal, part.ToString());
            return true;
        }

        if (!part.StartsWith('{') || !part.EndsWith('}') || part.Count('{') != 1 || part.Count('}') != 1)
        {
            error = $"Segment '{part}' of path template '{text}' mixes text and a parameter; a segment is either literal text or one whole '{{name}}'.";
            return false;
        }

        var inner = part[1..^1];
        var kind = SegmentKind.Parameter;
        if (inner.StartsWith('*'))
        {
            kind = SegmentKind.CatchAll;
            inner = inner.TrimStart('*');
            if (index != segments.Length - 1)
            {
                error = $"Catch-all '{part}' in path template '{text}' must be the last segment.";
                return false;
            }
        }

        if (inner.IsEmpty || inner.ContainsAnyExcept(NameCharacters))
        {
            error = $"Parameter '{part}' in path template '{text}' needs a name of letters, digits or '_', such as '{{id}}'.";
            return false;
        }

        if (NamedBefore(segments, index, inner))
        {
            error = $"Parameter name '{inner}' appears twice in path template '{text}'; use distinct names.";
            return false;
        }

        segments[index] = new TemplateSegment(kind, inner.ToString());
        return true;
    }

    /// <summary>Whether a parameter before <paramref name="index"/> has this name (names ignore case); a template has few.</summary>
    private static bool NamedBefore(TemplateSegment[] segments, int index, ReadOnlySpan<char> name)
    {
        for (var i = 0; i < index; i++)
        {
            if (segments[i].Kind != SegmentKind.Literal && name.Equals(segments[i].Text, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
