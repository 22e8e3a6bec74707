using HotReload.Benchmarks.ColdPipeline;
using HotReload.Benchmarks.Micro;
using HotReload.Benchmarks.ReloadLatency;
using HotReload.Benchmarks.Scale;
using HotReload.Benchmarks.Throughput;

namespace HotReload.Benchmarks.Cli;

/// <summary>Picks the benchmark named by the first argument and hands it the rest.</summary>
internal static class CommandDispatcher
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            Console.WriteLine(HelpText.Text);
            return args.Length == 0 ? 1 : 0;
        }

        var rest = args[1..];
        try
        {
            return args[0] switch
            {
                "micro" => MicroCommand.Run(rest),
                "reload" => await ReloadCommand.RunAsync(CommandOptions.Parse(rest)).ConfigureAwait(false),
                "throughput" => await ThroughputCommand.RunAsync(CommandOptions.Parse(rest)).ConfigureAwait(false),
                "serve" => await ServeCommand.RunAsync(CommandOptions.Parse(rest)).ConfigureAwait(false),
                "cold-pipeline" => ColdPipelineCommand.Run(CommandOptions.Parse(rest)),
                "scale" => await ScaleCommand.RunAsync(CommandOptions.Parse(rest)).ConfigureAwait(false),
                "etcd" => await Etcd.EtcdConvergenceCommand.RunAsync(CommandOptions.Parse(rest)).ConfigureAwait(false),
                _ => Unknown(args[0]),
            };
        }
        catch (CommandLineException e)
        {
            await Console.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
            await Console.Error.WriteLineAsync("Run without arguments for help.").ConfigureAwait(false);
            return 2;
        }
    }

    private static int Unknown(string command)
    {
        Console.Error.WriteLine($"Unknown command '{command}'.");
        Console.WriteLine(HelpText.Text);
        return 2;
    }
}
