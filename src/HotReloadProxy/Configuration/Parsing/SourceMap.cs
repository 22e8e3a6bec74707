namespace HotReloadProxy.Configuration.Parsing;

/// <summary>
/// Where each bound value came from, by JSON path (<c>routes[0].match.path</c>,
/// <c>clusters.backend.destinations.b1.address</c>), so validation rules can speak in paths and users
/// still get line and column.
/// </summary>
public sealed class SourceMap
{
    private readonly Dictionary<string, SourcePosition> _positions = new(StringComparer.Ordinal);

    public static SourceMap Empty { get; } = new();

    internal void Add(string path, SourcePosition position) => _positions[path] = position;

    /// <summary>The position of the path, or of its nearest ancestor that was in the file.</summary>
    public SourcePosition Locate(string path)
    {
        var current = path;
        while (true)
        {
            if (_positions.TryGetValue(current, out var position))
            {
                return position;
            }

            var cut = Math.Max(current.LastIndexOf('.'), current.LastIndexOf('['));
            if (cut <= 0)
            {
                return _positions.TryGetValue("$", out var root) ? root : SourcePosition.Start;
            }

            current = current[..cut];
        }
    }
}
