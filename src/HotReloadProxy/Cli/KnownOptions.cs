namespace HotReloadProxy.Cli;

/// <summary>
/// The one table of command-line options. Anything not listed here is refused with exit code 2. To add an
/// option, add a row to <see cref="Run"/> (and to <see cref="Validate"/> if <c>validate</c> must honour it), then
/// read it in <c>ProxyOptions.From</c>; usage text and error messages list the table, so they follow.
/// </summary>
internal static class KnownOptions
{
    public static IReadOnlyList<CommandLineOption> Run { get; } =
    [
        new("config", "path", "config file (default ./proxy.json; without it an embedded default serves /)"),
        new("urls", "urls", "public listeners, ';'-separated (default http://127.0.0.1:8080)"),
        new("admin-urls", "urls", "admin listener for /status, /reload, /healthz, /readyz, /metrics (default http://127.0.0.1:9901; 'none' disables)"),
        new("config-dir", "dir", "every *.json in <dir> is a fragment (routes, clusters); a broken file keeps its last good content"),
        new("strict", "true|false", "with --config-dir: apply the directory all-or-nothing instead of file by file"),
        new("delete-grace", "ms", "with --config-dir: a deleted file's routes go once it stays deleted this long (default 2000)"),
        new("etcd", "urls", "etcd endpoints, ','-separated (e.g. http://127.0.0.1:2379); needs --etcd-key"),
        new("etcd-key", "key", "the etcd key whose value is the whole config"),
        new("etcd-max-backoff", "ms", "longest wait between reconnects while etcd is unreachable (default 5000)"),
        new("etcd-keepalive", "ms", "ping a silent etcd connection after this long; unanswered for half as long, it is closed (default 10000)"),
        new("etcd-startup-timeout", "ms", "how long startup keeps trying to read the key before exiting (default 10000)"),
        new("poll", "ms", "poll the file every <ms> instead of watching it (bind mounts, network shares)"),
        new("reload-debounce", "ms", "quiet window before a change is read (default 10)"),
        new("max-config-bytes", "n", "reject config files larger than this (default 10485760)"),
        new("generation-header", "true|false", "add X-Config-Generation to every response"),
        new("http2", "true|false", "public listeners speak HTTP/2 with prior knowledge (h2c) instead of HTTP/1.1 (cleartext cannot offer both on one port)"),
        new("drain-timeout", "ms", "end a request or WebSocket on a route a reload changed or removed once it ran this long past that reload (default: no bound)"),

        // Host settings that ASP.NET Core's test host (WebApplicationFactory) passes as arguments.
        new("environment", "name", "hosting environment", Hidden: true),
        new("contentRoot", "path", "content root", Hidden: true),
        new("applicationName", "name", "application name", Hidden: true),
    ];

    public static IReadOnlyList<CommandLineOption> Validate { get; } =
        [.. Run.Where(o => o.Name is "max-config-bytes")];

    /// <summary>Options that configure the ASP.NET Core host itself rather than the proxy.</summary>
    public static bool IsHostSetting(string name) => name is "environment" or "contentRoot" or "applicationName";
}
