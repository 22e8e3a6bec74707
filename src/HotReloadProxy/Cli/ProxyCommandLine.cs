using HotReloadProxy.Hosting;
using HotReloadProxy.Reload;

namespace HotReloadProxy.Cli;

/// <summary>The entry point's logic: <c>validate</c>, <c>--help</c>, or run the proxy.</summary>
public static class ProxyCommandLine
{
    public const string Usage = """
        HotReloadProxy: a reverse proxy whose config reloads without a restart.

        usage:
          HotReloadProxy [options]            run the proxy
          HotReloadProxy validate <path>      check a config file or directory (exit 0 valid, 1 invalid, 2 unreadable)

        options (also HOTRELOAD_<NAME> environment variables, e.g. HOTRELOAD_POLL=500):
          --config <path>            config file (default ./proxy.json; without it an embedded default serves /)
          --urls <urls>              public listeners, ';'-separated (default http://127.0.0.1:8080)
          --admin-urls <urls>        admin listener for /status, /reload, /healthz (default http://127.0.0.1:9901; 'none' disables)
          --config-dir <dir>         every *.json in <dir> is a fragment (routes, clusters); a broken file keeps its last good content
          --strict true              with --config-dir: apply the directory all-or-nothing instead of file by file
          --delete-grace <ms>        with --config-dir: a deleted file's routes go once it stays deleted this long (default 2000)
          --etcd <urls>              etcd endpoints, ','-separated (e.g. http://127.0.0.1:2379); needs --etcd-key
          --etcd-key <key>           the etcd key whose value is the whole config
          --etcd-max-backoff <ms>    longest wait between reconnects while etcd is unreachable (default 5000)
          --etcd-startup-timeout <ms>  how long startup keeps trying to read the key before exiting (default 10000)
          --poll <ms>                poll the file every <ms> instead of watching it (bind mounts, network shares)
          --reload-debounce <ms>     quiet window before a change is read (default 10)
          --max-config-bytes <n>     reject config files larger than this (default 10485760)
          --generation-header true   add X-Config-Generation to every response

        SIGHUP or POST /reload on the admin listener reloads the config on demand.
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (args.Length > 0 && args[0] == "validate")
        {
            return ValidateCommand.Run(args[1..], stdout, stderr);
        }

        if (args.Any(a => a is "--help" or "-h" or "-?"))
        {
            await stdout.WriteLineAsync(Usage).ConfigureAwait(false);
            return 0;
        }

        try
        {
            var app = ProxyApplication.Build(args);
            await app.RunAsync().ConfigureAwait(false);
            return 0;
        }
        catch (Exception ex) when (Find<ConfigLoadException>(ex) is { } configError)
        {
            await stderr.WriteLineAsync(configError.Message).ConfigureAwait(false);
            await stderr.WriteLineAsync("The proxy did not start. Fix the errors above (check with: HotReloadProxy validate <path>), then start it again.").ConfigureAwait(false);
            return configError.ExitCode;
        }
        catch (Exception ex) when (Find<ProxyOptionsException>(ex) is { } optionsError)
        {
            await stderr.WriteLineAsync(optionsError.Message).ConfigureAwait(false);
            await stderr.WriteLineAsync("Run with --help for the options.").ConfigureAwait(false);
            return 2;
        }
    }

    private static T? Find<T>(Exception? ex)
        where T : Exception
    {
        for (var current = ex; current is not null; current = current.InnerException)
        {
            if (current is T match)
            {
                return match;
            }

            if (current is AggregateException aggregate && aggregate.InnerExceptions.Select(Find<T>).FirstOrDefault(e => e is not null) is { } inner)
            {
                return inner;
            }
        }

        return null;
    }
}
