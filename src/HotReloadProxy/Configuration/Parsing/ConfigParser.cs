using HotReloadProxy.Configuration.Model;

namespace HotReloadProxy.Configuration.Parsing;

/// <summary>The result of parsing: the bound config (possibly partial), where each value came from, and every error.</summary>
internal sealed record ParsedConfig(ProxyConfig Config, SourceMap Positions, IReadOnlyList<ConfigError> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    /// <summary>The bytes were empty or not well-formed JSON: possibly a write still in progress.</summary>
    public bool IsEmpty { get; init; }

    public bool IsSyntaxError { get; init; }
}

/// <summary>Parses config file bytes. Never throws for bad input: every failure is a <see cref="ConfigError"/> with a position.</summary>
internal static class ConfigParser
{
    public static ParsedConfig Parse(byte[] utf8)
    {
        ArgumentNullException.ThrowIfNull(utf8);
        // The one place the byte order mark is dropped. Editors neither show nor count it, so positions are
        // computed over what follows it: the first character after it is line 1, column 1.
        ReadOnlyMemory<byte> content = utf8;
        if (content.Span.StartsWith("\uFEFF"u8))
        {
            content = content[3..];
        }

        var lines = new LineIndex(content);

        if (content.Span.Trim(" \t\r\n"u8).IsEmpty)
        {
            return new ParsedConfig(new ProxyConfig(), SourceMap.Empty,
                [ConfigError.ForFile("The config file is empty. Write a config object such as {\"routes\": [], \"clusters\": {}}.")])
            {
                IsEmpty = true,
            };
        }

        var context = new BindingContext(lines);
        var config = ConfigBinder.Bind(content.Span, context, out var syntaxError);
        syntaxError = JsonSyntax.FirstTextError(content.Span, lines) ?? syntaxError;
        if (syntaxError is not null)
        {
            return new ParsedConfig(new ProxyConfig(), SourceMap.Empty, [syntaxError]) { IsSyntaxError = true };
        }

        return new ParsedConfig(config, new SourceMap(content, lines), context.Errors);
    }
}
