namespace HotReload.Conformance.Targets;

/// <summary>Starts one fresh instance of the proxy under test for one scenario.</summary>
public interface ITargetLauncher
{
    Task<IRunningTarget> StartAsync(TargetStart start, CancellationToken cancellationToken);
}

/// <summary>What a scenario gives the proxy: its config file, a private directory and its ports.</summary>
/// <param name="Values">Every placeholder value for this scenario ({{configPath}}, {{listenPort}}, ...).</param>
public sealed record TargetStart(string ConfigPath, string WorkDir, int ListenPort, int AdminPort, IReadOnlyDictionary<string, string> Values);

/// <summary>A started proxy; disposing it stops it.</summary>
public interface IRunningTarget : IAsyncDisposable
{
    /// <summary>The OS process id, for signal reloads; null for in-process targets.</summary>
    int? ProcessId { get; }

    /// <summary>What the proxy printed so far (for errors).</summary>
    string OutputTail();
}
