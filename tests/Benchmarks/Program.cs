using HotReload.Benchmarks.Cli;

return await CommandDispatcher.RunAsync(args).ConfigureAwait(false);
