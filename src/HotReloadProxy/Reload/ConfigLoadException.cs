using HotReloadProxy.Configuration.Parsing;

namespace HotReloadProxy.Reload;

/// <summary>The config could not be loaded at startup; the proxy must not start half-configured.</summary>
internal sealed class ConfigLoadException : Exception
{
    public ConfigLoadException(string file, RejectionReason reason, IReadOnlyList<ConfigError> errors)
        : base($"The config file {file} cannot be used:{Environment.NewLine}" + string.Join(Environment.NewLine, errors.Select(e => e.Format(file))))
    {
        File = file;
        Reason = reason;
        Errors = errors;
    }

    public ConfigLoadException()
        : this("(unknown)", RejectionReason.Invalid, [])
    {
    }

    public ConfigLoadException(string message)
        : base(message)
    {
        File = "(unknown)";
        Errors = [];
    }

    public ConfigLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
        File = "(unknown)";
        Errors = [];
    }

    public string File { get; }

    public RejectionReason Reason { get; }

    public IReadOnlyList<ConfigError> Errors { get; }

    /// <summary>Like <c>nginx -t</c>: 1 for a config that is wrong, 2 for a file that cannot be read at all.</summary>
    public int ExitCode => Reason is RejectionReason.Missing or RejectionReason.Unreadable or RejectionReason.IsDirectory ? 2 : 1;
}
