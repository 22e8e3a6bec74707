using System.Globalization;
using HotReloadProxy.Reload;
using Microsoft.Extensions.Configuration;

namespace HotReloadProxy.Hosting;

/// <summary>
/// Command-line settings (also read from HOTRELOAD_* environment variables, e.g. HOTRELOAD_POLL=500).
/// Unlike the config file, these apply at startup only.
/// </summary>
internal sealed record ProxyOptions
{
    public const string DefaultConfigFile = "proxy.json";

    public required string ConfigPath { get; init; }

    /// <summary>True when --config was given: then a missing file is an error, not a reason to serve the default.</summary>
    public bool ConfigPathExplicit { get; init; }

    /// <summary>Poll the file at this interval instead of watching it (bind mounts, network shares).</summary>
    public TimeSpan? PollInterval { get; init; }

    public TimeSpan QuietWindow { get; init; } = ReloadSchedulerOptions.DefaultQuietWindow;

    public long MaxConfigBytes { get; init; } = ReloadEngineOptions.DefaultMaxConfigBytes;

    public bool EmitGenerationHeader { get; init; }

    /// <summary>--config-dir: every *.json in this directory is a fragment (routes and clusters).</summary>
    public string? ConfigDirectory { get; init; }

    /// <summary>--strict: a config directory applies all-or-nothing instead of file by file.</summary>
    public bool Strict { get; init; }

    /// <summary>--delete-grace: how long a deleted fragment must stay deleted before its routes are removed.</summary>
    public TimeSpan DeleteGrace { get; init; } = Sources.Directory.DirectorySourceOptions.DefaultDeleteGrace;

    /// <summary>--etcd: comma-separated etcd client URLs; the config is the value of <see cref="EtcdKey"/>.</summary>
    public string? EtcdEndpoints { get; init; }

    public string? EtcdKey { get; init; }

    /// <summary>--etcd-max-backoff: the longest wait between reconnect attempts while etcd is unreachable.</summary>
    public TimeSpan EtcdMaxBackoff { get; init; } = Sources.Etcd.EtcdSourceOptions.DefaultMaxBackoff;

    /// <summary>--etcd-keepalive: how long an etcd connection may be silent before it is pinged (a ping unanswered for half as long closes it).</summary>
    public TimeSpan EtcdKeepAlive { get; init; } = Sources.Etcd.EtcdSourceOptions.DefaultKeepAlive;

    /// <summary>--etcd-startup-timeout: how long a starting proxy keeps trying to read its etcd key before it gives up.</summary>
    public TimeSpan EtcdStartupTimeout { get; init; } = Sources.Etcd.EtcdSourceOptions.DefaultStartupTimeout;

    /// <summary>--http2: the public listeners speak HTTP/2 with prior knowledge (h2c) only; without TLS there is no ALPN to offer both.</summary>
    public bool Http2 { get; init; }

    /// <summary>--drain-timeout: how long a request on a route a reload changed or removed may still run; null = no bound.</summary>
    public TimeSpan? DrainTimeout { get; init; }

    /// <summary>True when the config comes from one file (--config or ./proxy.json), not a directory or etcd.</summary>
    public bool IsFileSource => ConfigDirectory is null && EtcdEndpoints is null;

    public static ProxyOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configPath = Setting(configuration, "config");
        var poll = Milliseconds(configuration, "poll");
        var configDir = Setting(configuration, "config-dir");
        var etcd = Setting(configuration, "etcd");
        var etcdKey = Setting(configuration, "etcd-key");
        if (new[] { configPath, configDir, etcd }.Count(s => s is not null) > 1)
        {
            throw new ProxyOptionsException("Use one config source: --config <file>, --config-dir <dir> or --etcd <endpoints> --etcd-key <key>.");
        }

        if ((etcd is null) != (etcdKey is null))
        {
            throw new ProxyOptionsException("--etcd and --etcd-key go together, such as --etcd http://127.0.0.1:2379 --etcd-key /hotreload/proxy.json.");
        }

        return new ProxyOptions
        {
            ConfigDirectory = configDir is null ? null : Path.GetFullPath(configDir),
            Strict = Flag(configuration, "strict"),
            DeleteGrace = Milliseconds(configuration, "delete-grace") ?? Sources.Directory.DirectorySourceOptions.DefaultDeleteGrace,
            EtcdEndpoints = etcd,
            EtcdKey = etcdKey,
            EtcdStartupTimeout = Milliseconds(configuration, "etcd-startup-timeout") ?? Sources.Etcd.EtcdSourceOptions.DefaultStartupTimeout,
            EtcdMaxBackoff = Milliseconds(configuration, "etcd-max-backoff") is { } backoff && backoff > TimeSpan.Zero ? backoff : Sources.Etcd.EtcdSourceOptions.DefaultMaxBackoff,
            EtcdKeepAlive = Milliseconds(configuration, "etcd-keepalive") is { } keepAlive
                ? keepAlive >= Sources.Etcd.EtcdSourceOptions.MinKeepAlive ? keepAlive
                    : throw new ProxyOptionsException("--etcd-keepalive must be at least 2000 milliseconds (an HTTP/2 ping waits at least 1 s for its answer), such as --etcd-keepalive 10000.")
                : Sources.Etcd.EtcdSourceOptions.DefaultKeepAlive,
            ConfigPath = Path.GetFullPath(configPath ?? DefaultConfigFile),
            ConfigPathExplicit = configPath is not null,
            PollInterval = poll is null ? null : poll.Value > TimeSpan.Zero ? poll : throw new ProxyOptionsException("--poll must be a positive number of milliseconds, such as --poll 500."),
            QuietWindow = Milliseconds(configuration, "reload-debounce") ?? ReloadSchedulerOptions.DefaultQuietWindow,
            MaxConfigBytes = MaxConfigBytesFrom(configuration),
            EmitGenerationHeader = Flag(configuration, "generation-header"),
            Http2 = Flag(configuration, "http2"),
            DrainTimeout = Milliseconds(configuration, "drain-timeout"),
        };
    }

    /// <summary>
    /// The settings the proxy reads: HOTRELOAD_* environment variables, overridden by the command line.
    /// Relative paths are resolved later against the current directory, which is the caller's folder (see README).
    /// </summary>
    public static IConfiguration Configuration(IReadOnlyDictionary<string, string> commandLine)
    {
        ArgumentNullException.ThrowIfNull(commandLine);
        return new ConfigurationBuilder()
            .AddEnvironmentVariables(ProxyApplication.EnvironmentPrefix)
            .AddInMemoryCollection(commandLine.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value)))
            .Build();
    }

    internal static long MaxConfigBytesFrom(IConfiguration configuration)
    {
        var max = Number(configuration, "max-config-bytes") ?? ReloadEngineOptions.DefaultMaxConfigBytes;
        return max > 0 ? max : throw new ProxyOptionsException($"--max-config-bytes must be a positive number of bytes, but got {max}.");
    }

    /// <summary>Reads "name" from the command line or "NAME"/"NAME_WITH_UNDERSCORES" from the environment.</summary>
    internal static string? Setting(IConfiguration configuration, string name)
    {
        var value = configuration[name] ?? configuration[name.Replace('-', '_')];
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    private static TimeSpan? Milliseconds(IConfiguration configuration, string name)
    {
        var value = Number(configuration, name);
        return value is null ? null : value >= 0 ? TimeSpan.FromMilliseconds(value.Value)
            : throw new ProxyOptionsException($"--{name} must be zero or a positive number of milliseconds.");
    }

    private static long? Number(IConfiguration configuration, string name)
    {
        var text = Setting(configuration, name);
        if (text is null)
        {
            return null;
        }

        return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ProxyOptionsException($"--{name} expects a whole number, but got '{text}'.");
    }

    private static bool Flag(IConfiguration configuration, string name)
    {
        var text = Setting(configuration, name);
        return text is not null && (!bool.TryParse(text, out var value) || value);
    }
}

/// <summary>A command-line setting is malformed; the message says which and how to write it.</summary>
internal sealed class ProxyOptionsException : Exception
{
    public ProxyOptionsException()
    {
    }

    public ProxyOptionsException(string message)
        : base(message)
    {
    }

    public ProxyOptionsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
