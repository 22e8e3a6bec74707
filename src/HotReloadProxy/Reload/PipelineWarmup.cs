using System.Diagnostics;
using System.Globalization;
using System.Text;
using HotReloadProxy.Configuration.Diff;
using HotReloadProxy.Configuration.Model;
using HotReloadProxy.Configuration.Validation;
using HotReloadProxy.Forwarding;
using HotReloadProxy.Snapshots;

namespace HotReloadProxy.Reload;

/// <summary>
/// Runs the reload pipeline (hash, parse, validate, compile, diff, and the error path a broken file takes) on a
/// small built-in config, many times, once at startup and off the request path. The runtime's tiered JIT
/// first compiles every method without optimisation and optimises it only after some 30 calls, so without
/// this the first reloads of a large config in a fresh proxy run unoptimised code, several times slower than
/// later ones. A small config gives the call counts for little CPU; nothing it builds is published, no
/// connection is opened and no generation is used.
/// </summary>
/// <remarks>
/// The passes come in rounds with pauses between them because the runtime starts counting calls only once it
/// has seen 100 ms without a new unoptimised compilation: one burst at startup, while the host is still
/// compiling, is over before any of it is counted. Measured with <c>cold-pipeline</c> (1,000 routes, a loaded
/// machine): one burst of 80 passes left reloads at a median of 49 to 51 ms of CPU, rounds brought it to 18 to 38.
/// </remarks>
internal sealed class PipelineWarmup
{
    /// <summary>Passes per round: more than the 30 calls that promote a method, with margin for the instrumented tier.</summary>
    public const int DefaultPasses = 40;

    /// <summary>Rounds: dynamic PGO promotes in two steps (instrumented, then optimised), each after its own count.</summary>
    public const int DefaultRounds = 6;

    /// <summary>Longer than the runtime's 100 ms call-counting delay.</summary>
    public static readonly TimeSpan DefaultPause = TimeSpan.FromMilliseconds(200);

    internal static readonly byte[] ValidSample = BuildSample(broken: false);
    internal static readonly byte[] BrokenSample = BuildSample(broken: true);

    private readonly ConfigValidator _validator;
    private readonly SnapshotCompiler _compiler;
    private readonly TimeProvider _time;

    public PipelineWarmup(ConfigValidator validator, ForwardingOptions forwarding, TimeProvider time)
    {
        _validator = validator;
        _time = time;

        // Its own compiler with clients that are never used: compiling creates one per cluster, and those of
        // the serving snapshot must not be touched.
        _compiler = new SnapshotCompiler(new UnusedInvokers(), forwarding);
    }

    /// <summary>What a warm-up did, for the log.</summary>
    public sealed record Result(int Passes, TimeSpan Elapsed, TimeSpan FirstPass, TimeSpan LastPass)
    {
        public int Rounds { get; init; } = 1;
    }

    /// <summary>
    /// <paramref name="rounds"/> rounds of <paramref name="passes"/> passes, <paramref name="pause"/> apart on the
    /// injected clock; stops early, with what it did, when cancelled.
    /// </summary>
    public Result RunInRounds(int rounds, int passes, TimeSpan pause, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rounds);
        Result? total = null;
        for (var round = 0; round < rounds && !cancellationToken.IsCancellationRequested; round++)
        {
            if (round > 0)
            {
                try
                {
                    Task.Delay(pause, _time, cancellationToken).GetAwaiter().GetResult();
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }

            var result = Run(passes, cancellationToken);
            total = total is null
                ? result
                : total with { Passes = total.Passes + result.Passes, Elapsed = total.Elapsed + result.Elapsed, LastPass = result.LastPass, Rounds = round + 1 };
        }

        return total ?? new Result(0, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero) { Rounds = 0 };
    }

    public Result Run(int passes, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(passes);
        var started = Stopwatch.GetTimestamp();
        TimeSpan first = default, last = default;
        ConfigSnapshot? previous = null;
        var done = 0;
        try
        {
            for (; done < passes && !cancellationToken.IsCancellationRequested; done++)
            {
                var passStarted = Stopwatch.GetTimestamp();
                var check = ConfigCheck.Run(new ConfigFileRead.Content(ValidSample), _validator, ReloadEngineOptions.DefaultMaxConfigBytes);
                var next = _compiler.Compile(check.Valid ?? throw new InvalidOperationException("The built-in warm-up config is invalid: " + check.Reason),
                    done + 1, check.Sha256!, DateTimeOffset.UnixEpoch, "warm-up", previous);
                if (previous is not null)
                {
                    _ = ConfigDiff.Compute(previous.Config, next.Config);
                    previous.Retire();
                }

                previous = next;

                // A broken file builds its source map and formats its errors: that path is warmed every 4th pass.
                if (done % 4 == 0)
                {
                    var rejected = ConfigCheck.Run(new ConfigFileRead.Content(BrokenSample), _validator, ReloadEngineOptions.DefaultMaxConfigBytes);
                    _ = rejected.Errors.Count > 0 ? rejected.Errors[0].Format("warm-up.json") : null;
                }

                last = Stopwatch.GetElapsedTime(passStarted);
                if (done == 0)
                {
                    first = last;
                }
            }
        }
        finally
        {
            previous?.Retire();
        }

        return new Result(done, Stopwatch.GetElapsedTime(started), first, last);
    }

    /// <summary>
    /// Every kind of route the compiler and the route table know: literal paths, parameters, catch-alls, methods,
    /// hosts, header and path transforms, direct responses, timeouts, and clusters with several destinations.
    /// The broken variant names a cluster that does not exist, so it fails validation with a position.
    /// </summary>
    private static byte[] BuildSample(bool broken)
    {
        var json = new StringBuilder("{\n  \"routes\": [\n");
        const int routes = 32;
        for (var i = 0; i < routes; i++)
        {
            var cluster = broken && i == routes - 1 ? "missing" : "c" + (i % 3).ToString(CultureInfo.InvariantCulture);
            json.Append((i % 4) switch
            {
                0 => Inv($"    {{ \"id\": \"r{i}\", \"match\": {{ \"path\": \"/w{i}/items\" }}, \"cluster\": \"{cluster}\", \"timeout\": \"30s\", \"transforms\": {{ \"pathRemovePrefix\": \"/w{i}\", \"requestHeaders\": {{ \"X-Warm\": \"{i}\" }}, \"responseHeaders\": {{ \"X-Version\": \"{i}\" }} }} }}"),
                1 => Inv($"    {{ \"id\": \"r{i}\", \"match\": {{ \"path\": \"/w{i}/{{id}}/detail\", \"methods\": [\"GET\", \"POST\"] }}, \"cluster\": \"{cluster}\" }}"),
                2 => Inv($"    {{ \"id\": \"r{i}\", \"order\": {i}, \"match\": {{ \"path\": \"/w{i}/{{**rest}}\", \"hosts\": [\"w{i}.example\", \"*.w{i}.example\"] }}, \"cluster\": \"{cluster}\", \"transforms\": {{ \"pathPrefix\": \"/p{i}\" }} }}"),
                _ => broken && i == routes - 1
                    ? Inv($"    {{ \"id\": \"r{i}\", \"match\": {{ \"path\": \"/w{i}\" }}, \"cluster\": \"{cluster}\" }}")
                    : Inv($"    {{ \"id\": \"r{i}\", \"match\": {{ \"path\": \"/w{i}\" }}, \"respond\": {{ \"status\": 200, \"headers\": {{ \"Content-Type\": \"text/plain\" }}, \"body\": \"w{i}\" }} }}"),
            });
            json.Append(i < routes - 1 ? ",\n" : "\n");
        }

        json.Append("  ],\n  \"clusters\": {\n");
        for (var c = 0; c < 3; c++)
        {
            json.Append(CultureInfo.InvariantCulture,
                $"    \"c{c}\": {{ \"loadBalancing\": \"{(c == 0 ? "RoundRobin" : c == 1 ? "Random" : "First")}\", \"timeout\": \"10s\", \"destinations\": {{ " +
                $"\"d1\": {{ \"address\": \"http://127.0.0.1:9/\" }}, \"d2\": {{ \"address\": \"http://127.0.0.1:9/\" }} }} }}{(c < 2 ? "," : "")}\n");
        }

        json.Append("  }\n}\n");
        return Encoding.UTF8.GetBytes(json.ToString());
    }

    private static string Inv(FormattableString text) => FormattableString.Invariant(text);

    /// <summary>Clients for the warm-up's clusters; they are disposed with the warm-up's snapshots and never send.</summary>
    private sealed class UnusedInvokers : IInvokerFactory
    {
        public HttpMessageInvoker Create(string clusterName, ClusterConfig cluster) => new(new SocketsHttpHandler(), disposeHandler: true);
    }
}
