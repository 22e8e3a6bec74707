namespace HotReloadProxy.Routing;

/// <summary>Parses path templates, with a message that says how to fix a bad one.</summary>
internal static class RouteTemplateParser
{
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

        var body = text.Length > 1 && text.EndsWith('/') ? text[1..^1] : text[1..];
        var segments = new List<TemplateSegment>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var parts = body.Length == 0 ? [] : body.Split('/');
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            if (part.Length == 0)
            {
                error = $"Path template '{text}' has an empty segment ('//'); remove the extra slash.";
                return false;
            }

            if (!part.Contains('{', StringComparison.Ordinal) && !part.Contains('}', StringComparison.Ordinal))
            {
                segments.Add(new TemplateSegment(SegmentKind.Literal, part));
                continue;
            }

            if (!part.StartsWith('{') || !part.EndsWith('}') || part.Count(c => c == '{') != 1 || part.Count(c => c == '}') != 1)
            {
                error = $"Segment '{part}' of path template '{text}' mixes text and a parameter; a segment is either literal text or one whole '{{name}}'.";
                return false;
            }

            var inner = part[1..^1];
            var kind = SegmentKind.Parameter;
            if (inner.StartsWith("**", StringComparison.Ordinal) || inner.StartsWith('*'))
            {
                kind = SegmentKind.CatchAll;
                inner = inner.TrimStart('*');
                if (i != parts.Length - 1)
                {
                    error = $"Catch-all '{part}' in path template '{text}' must be the last segment.";
                    return false;
                }
            }

            if (inner.Length == 0 || !inner.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                error = $"Parameter '{part}' in path template '{text}' needs a name of letters, digits or '_', such as '{{id}}'.";
                return false;
            }

            if (!names.Add(inner))
            {
                error = $"Parameter name '{inner}' appears twice in path template '{text}'; use distinct names.";
                return false;
            }

            segments.Add(new TemplateSegment(kind, inner));
        }

        template = new RouteTemplate(text, segments);
        error = null;
        return true;
    }

    public static RouteTemplate Parse(string text) =>
        TryParse(text, out var template, out var error) ? template! : throw new FormatException(error);
}
