namespace HotReloadProxy.Configuration.Parsing;

/// <summary>
/// What binding one file keeps as it goes: the JSON path of the value being bound, every error found, and,
/// only when asked (see <see cref="SourceMap"/>), where each bound value came from. The path is a stack of
/// names and indexes, spelt out as text only for an error or a recorded position, so binding a valid file
/// spends nothing on paths or positions.
/// </summary>
internal sealed class BindingContext(LineIndex lines, bool recordPositions = false)
{
    private readonly Dictionary<string, SourcePosition>? _positions = recordPositions ? new(StringComparer.Ordinal) : null;

    // One entry per level below the document: a property name, or (with a null name) an item index.
    private readonly List<(string? Name, int Index)> _path = [];

    private RepeatedNames? _clusterNames;
    private RepeatedNames? _destinationNames;
    private RepeatedNames? _headerNames;

    public LineIndex Lines => lines;

    /// <summary>
    /// Where a string list (methods, hosts) gathers its items before they are copied into the list kept: lists do
    /// not nest, so one serves them all and a file's thousands of lists allocate only the arrays they keep.
    /// </summary>
    public List<string> ListScratch { get; } = [];

    /// <summary>Where a header map gathers its entries, reused like <see cref="ListScratch"/> (header maps do not nest).</summary>
    public List<KeyValuePair<string, string>> HeaderScratch { get; } = [];

    public List<ConfigError> Errors { get; } = [];

    /// <summary>The recorded positions by path text; null unless the context was made to record them.</summary>
    public Dictionary<string, SourcePosition>? Positions => _positions;

    /// <summary>The repeat check for cluster names (one map per file).</summary>
    public RepeatedNames ClusterNames => _clusterNames ??= new RepeatedNames(StringComparer.Ordinal);

    /// <summary>
    /// The repeat check for a cluster's destination names, reused from map to map: destination maps do not nest,
    /// so one at a time is in use (apart from <see cref="ClusterNames"/>, which holds them).
    /// </summary>
    public RepeatedNames DestinationNames => _destinationNames ??= new RepeatedNames(StringComparer.Ordinal);

    /// <summary>The repeat check for header maps (names ignore case, as HTTP does), reused like <see cref="DestinationNames"/>.</summary>
    public RepeatedNames HeaderNames => _headerNames ??= new RepeatedNames(StringComparer.OrdinalIgnoreCase);

    /// <summary>The path of the value being bound, as errors and the source map spell it: <c>$</c>, <c>routes[3].match.path</c>.</summary>
    public string Path
    {
        get
        {
            // Spelt by JsonPath, the one place that knows how a path is written.
            var path = JsonPath.Root;
            foreach (var (name, index) in _path)
            {
                path = name is null ? path.Item(index) : path.Property(name);
            }

            return path.ToString();
        }
    }

    /// <summary>Descends into property <paramref name="name"/> of the current object; <see cref="Leave"/> comes back.</summary>
    public void Enter(string name) => _path.Add((name, -1));

    /// <summary>Descends into item <paramref name="index"/> of the current array; <see cref="Leave"/> comes back.</summary>
    public void Enter(int index) => _path.Add((null, index));

    public void Leave() => _path.RemoveAt(_path.Count - 1);

    /// <summary>An error about the current value, at the byte offset where the file has it.</summary>
    public void Error(long offset, string message) => Errors.Add(new ConfigError(Path, lines.At(offset), message));

    /// <summary>An error about property <paramref name="name"/> of the current object (a name that is unknown or repeated).</summary>
    public void ErrorAt(string name, long offset, string message)
    {
        Enter(name);
        Error(offset, message);
        Leave();
    }

    /// <summary>Records that the current value starts at <paramref name="offset"/>, when positions are being recorded.</summary>
    public void Record(long offset)
    {
        if (_positions is not null)
        {
            _positions[Path] = lines.At(offset);
        }
    }
}
