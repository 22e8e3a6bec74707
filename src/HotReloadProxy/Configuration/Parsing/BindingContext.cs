namespace HotReloadProxy.Configuration.Parsing;

/// <summary>Collects the errors and source positions found while binding one file.</summary>
internal sealed class BindingContext
{
    public List<ConfigError> Errors { get; } = [];

    public SourceMap Map { get; } = new();

    public void Error(string path, SourcePosition position, string message) => Errors.Add(new ConfigError(path, position, message));

    public void Record(string path, JsonValue value) => Map.Add(path, value.Position);
}
