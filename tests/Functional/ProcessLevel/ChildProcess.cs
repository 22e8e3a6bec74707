using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using HotReloadProxy.Testing.Processes;

namespace HotReload.Functional.Tests.ProcessLevel;

/// <summary>
/// A command run the way a user runs it in a shell: its own working directory and environment, output
/// captured line by line. Disposing kills it with its whole tree (<c>dotnet run</c> starts the app as a child).
/// </summary>
internal sealed partial class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly TaskCompletionSource<(Uri Public, Uri Admin)> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private readonly OrphanGuard _orphanGuard;

    private ChildProcess(Process process)
    {
        _process = process;
        _orphanGuard = OrphanGuard.For(process);
    }

    public string Stdout => Read(_stdout);

    public string Stderr => Read(_stderr);

    public static ChildProcess Start(string workingDirectory, IEnumerable<string> command, IReadOnlyDictionary<string, string>? environment = null)
    {
        var parts = command.ToList();
        var start = new ProcessStartInfo(parts[0])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in parts.Skip(1))
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["Logging__Console__FormatterName"] = "simple";
        start.Environment["Logging__Console__FormatterOptions__SingleLine"] = "true";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var child = new ChildProcess(Process.Start(start) ?? throw new InvalidOperationException($"{parts[0]} did not start."));
        child._process.OutputDataReceived += (_, e) => child.OnLine(child._stdout, e.Data);
        child._process.ErrorDataReceived += (_, e) => child.OnLine(child._stderr, e.Data);
        child._process.BeginOutputReadLine();
        child._process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Runs a command to its end and returns its exit code; output is in <see cref="Stdout"/> and <see cref="Stderr"/>.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The command did not end within {timeout.TotalSeconds:0} s.\nstdout:\n{Stdout}\nstderr:\n{Stderr}");
        }

        return _process.ExitCode;
    }

    /// <summary>Waits for the proxy's "Proxy listening on ...; admin endpoints on ..." line, or fails if it exits first.</summary>
    public async Task<(Uri Public, Uri Admin)> WaitUntilListeningAsync(TimeSpan timeout)
    {
        var first = await Task.WhenAny(_listening.Task, _process.WaitForExitAsync()).WaitAsync(timeout);
        if (first != _listening.Task)
        {
            throw new InvalidOperationException($"The proxy exited with code {_process.ExitCode} before listening.\nstdout:\n{Stdout}\nstderr:\n{Stderr}");
        }

        return await _listening.Task;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _orphanGuard.Dispose();
        _process.Dispose();
    }

    private static string Read(StringBuilder buffer)
    {
        lock (buffer)
        {
            return buffer.ToString();
        }
    }

    private void OnLine(StringBuilder buffer, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (buffer)
        {
            buffer.AppendLine(line);
        }

        var match = ListeningLine().Match(line);
        if (match.Success)
        {
            _listening.TrySetResult((new Uri(match.Groups["public"].Value), new Uri(match.Groups["admin"].Value)));
        }
    }

    [GeneratedRegex(@"Proxy listening on (?<public>http://[^,; ]+); admin endpoints on (?<admin>http://[^,; ]+)")]
    private static partial Regex ListeningLine();
}
