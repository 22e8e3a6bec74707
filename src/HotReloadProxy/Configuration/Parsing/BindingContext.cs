namespace HotReloadProxy.Configuration.Parsing;

/// <summary>
/// Collects the errors found while binding one file and, only when asked (see <see cref="SourceMap"/>),
/// where each bound value came from. Positions and path text are worked out for errors and recorded values
/// only, so binding a valid file spends nothing on them.
/// </summary>
internal sealed class BindingContext(LineIndex lines, bool recordPositions = false)
{
    private readonly Dictionary<string, SourcePosition>? _positions = recordPositions ? new(StringComparer.Ordinal) : null;

    public List<ConfigError> Errors { get; } = [];

    /// <summary>The recorded positions by path text; null unless the context was made to record them.</summary>
    public Dictionary<string, SourcePosition>? Positions => _positions;

    public void Error(PathRef path, int offset, string message) => Errors.Add(new ConfigError(path.ToString(), lines.At(offset), message));

    public void Record(PathRef path, JsonValue value)
    {
        if (_positions is not null)
        {
            _positions[path.ToString()] = lines.At(value.Offset);
        }
    }

    public void RecordProperty(JsonPath parent, string name, JsonValue value)
    {
        if (_positions is not null)
        {
            Record(parent.Field(name), value);
        }
    }
}
