using HotReloadProxy.Cli;

return await ProxyCommandLine.RunAsync(args, Console.Out, Console.Error).ConfigureAwait(false);

/// <summary>The entry point type, public so WebApplicationFactory can host the proxy in tests.</summary>
public partial class Program;
