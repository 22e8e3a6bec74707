namespace HotReload.Benchmarks.Cli;

internal static class HelpText
{
    public const string Text = """
        HotReload benchmarks. Run in Release:
          dotnet run -c Release --project tests/Benchmarks -- <command> [options]

        Commands:
          micro [BenchmarkDotNet args]
              Config pipeline (parse+validate+compile), route lookup and snapshot swap micro-benchmarks.
              Everything after 'micro' goes to BenchmarkDotNet, e.g. --filter '*Lookup*', --job Dry, --list flat.

          reload [--clients 16] [--reloads 200] [--target hotreload|yarp|both] [--edits rename,configmap,inplace]
                 [--debounce-ms N] [--steady-seconds 3] [--gap-ms 50] [--warmup-reloads 30] [--quick]
              Reload latency under load: N keep-alive clients, R rewrites per edit kind (HotReload: each kind in
              --edits, one storm each; YARP: rename), a broken file before every 5th and a deleted file before
              every 7th (not on a ConfigMap). Latency = start of the edit -> first response with the new version.
              Default target: both (--quick: 4 clients, 10 reloads, hotreload only). --debounce-ms sets
              HotReload's quiet window (default 10 ms), which only in-place writes wait for. Each target first
              runs an unreported warm-up storm of --warmup-reloads (0 with --quick), so the JIT is not measured.

          throughput [--seconds 10] [--clients 32] [--rounds 2] [--quick]
              Steady-state rps and latency through HotReload, straight to the upstream, and through YARP.

          serve [--seconds 600]
              Keeps the upstream, HotReload and YARP of 'throughput' running and prints their URLs, for an
              external load generator, e.g. wrk -t1 -c32 -d10s <url>.

          scale [--reloads 20] [--churn-reloads 1000] [--quick]
              Reload latency (write -> Applied) and memory as routes grow 10 -> 10,000, and memory after
              1,000 reloads vs after 10.

          etcd [--instances 3] [--puts 200] [--quick]
              Convergence latency of the etcd source: put -> every instance has applied it, p50/p99.
              Starts a real etcd on free loopback ports (install it with eng/install-etcd.sh).
          cold-pipeline [--routes 1000] [--runs 20] [--warmup 40 [--warmup-rounds 6] [--warmup-pause-ms 200]]
              The reload pipeline (hash+parse+validate, compile, diff) run K times in this fresh process, each
              run's time per stage, CPU time and GCs: what a running proxy pays before the JIT has optimised it;
              --warmup N first runs the startup warm-up the proxy runs (rounds of N passes on its built-in
              sample, a pause apart; the proxy's own is 6 rounds of 40, 200 ms apart).

        Results go to artifacts/benchmarks/ as markdown and JSON.
        """;
}
