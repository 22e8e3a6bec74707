namespace HotReloadProxy.Configuration.Parsing;

/// <summary>
/// Where each bound value came from, by JSON path (<c>routes[0].match.path</c>,
/// <c>clusters.backend.destinations.b1.address</c>), so validation rules can speak in paths and users
/// still get line and column.
/// </summary>
/// <remarks>
/// Built on the first <see cref="Locate"/>, by binding the file's bytes a second time with recording on: a
/// valid file (the common reload) never asks, so it pays for no path strings and no position lookups, and
/// the recorded paths are exactly the ones binding produces.
/// </remarks>
internal sealed class SourceMap
{
    private readonly Lock _gate = new();
    private readonly ReadOnlyMemory<byte> _json;
    private readonly LineIndex? _lines;
    private Dictionary<string, SourcePosition>? _positions;

    private SourceMap(Dictionary<string, SourcePosition> positions) => _positions = positions;

    /// <param name="json">Bytes that bind without a syntax error (the parser made sure of it).</param>
    internal SourceMap(ReadOnlyMemory<byte> json, LineIndex lines)
    {
        _json = json;
        _lines = lines;
    }

    public static SourceMap Empty { get; } = new(new Dictionary<string, SourcePosition>(StringComparer.Ordinal));

    /// <summary>The position of the path, or of its nearest ancestor that was in the file.</summary>
    public SourcePosition Locate(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var positions = Positions();
        var current = path;
        while (true)
        {
            if (positions.TryGetValue(current, out var position))
            {
                return position;
            }

            var cut = Math.Max(current.LastIndexOf('.'), current.LastIndexOf('['));
            if (cut <= 0)
            {
                return positions.TryGetValue("$", out var root) ? root : SourcePosition.Start;
            }

            current = current[..cut];
        }
    }

    private Dictionary<string, SourcePosition> Positions()
    {
        // The line index keeps a cursor, so the one build runs under the lock.
        lock (_gate)
        {
            if (_positions is null)
            {
                var context = new BindingContext(_lines!, recordPositions: true);
                ConfigBinder.Bind(_json.Span, context, out _);
                _positions = context.Positions!;
            }

            return _positions;
        }
    }
}
