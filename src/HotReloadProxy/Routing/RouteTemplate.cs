using System.Collections.Immutable;

namespace HotReloadProxy.Routing;

internal enum SegmentKind
{
    CatchAll = 1,
    Parameter = 2,
    Literal = 3,
}

internal readonly record struct TemplateSegment(SegmentKind Kind, string Text);

/// <summary>A parsed path template: literal segments, <c>{param}</c> segments and an optional final <c>{**rest}</c>.</summary>
internal sealed class RouteTemplate
{
    internal RouteTemplate(string text, ImmutableArray<TemplateSegment> segments)
    {
        Text = text;
        Segments = segments;
    }

    public string Text { get; }

    /// <summary>An immutable array, not a list interface: the route table sorts thousands of templates by these.</summary>
    public ImmutableArray<TemplateSegment> Segments { get; }

    public bool EndsWithCatchAll => Segments.Length > 0 && Segments[^1].Kind == SegmentKind.CatchAll;

    /// <summary>Whether the request path matches this template (literals ignore case; a trailing slash is ignored).</summary>
    public bool Matches(string path)
    {
        var segments = PathSegments.Split(path);
        var i = 0;
        foreach (var segment in Segments)
        {
            if (segment.Kind == SegmentKind.CatchAll)
            {
                return true;
            }

            if (i >= segments.Length)
            {
                return false;
            }

            var requestSegment = segments[i++];
            var matched = segment.Kind == SegmentKind.Literal
                ? string.Equals(segment.Text, requestSegment, StringComparison.OrdinalIgnoreCase)
                : requestSegment.Length > 0;
            if (!matched)
            {
                return false;
            }
        }

        return i == segments.Length;
    }

    public override string ToString() => Text;
}
