namespace HotReloadProxy.Configuration.Parsing;

/// <summary>
/// One problem with a config file: where it is (JSON path, line, column) and a message that says what is
/// wrong and what to do. <see cref="Format"/> gives the <c>path:line:col: message</c> form editors jump to.
/// </summary>
internal sealed record ConfigError(string JsonPath, SourcePosition Position, string Message)
{
    /// <summary>The file the error is in, when it is not the one the caller names (a fragment of a config directory).</summary>
    public string? File { get; init; }

    public string Format(string file) => $"{File ?? file}:{Position.Line}:{Position.Column}: {Message}";

    /// <summary>An error about the file as a whole (missing, unreadable, too large): it points at 1:1.</summary>
    public static ConfigError ForFile(string message) => new("$", SourcePosition.Start, message);
}
