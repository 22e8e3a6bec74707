using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace HotReloadProxy.Testing.Proxies;

/// <summary>
/// The proxy as a separate OS process, for what only a process can show: signals (SIGHUP), exit codes and
/// console output. Its state is observed through the admin listener's /status.
/// </summary>
public sealed partial class ProxyProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<(Uri Public, Uri Admin)> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ProxyProcess(Process process)
    {
        _process = process;
    }

    public Uri PublicAddress { get; private set; } = null!;

    public Uri AdminAddress { get; private set; } = null!;

    public int Id => _process.Id;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts the proxy's built dll with the given settings on ephemeral loopback ports and waits until it listens.</summary>
    public static async Task<ProxyProcess> StartAsync(ProxySettings settings, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var dll = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo(OperatingSystem.IsLinux() ? "env" : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (OperatingSystem.IsLinux())
        {
            // A test host run under nohup passes SIGHUP on as ignored, and the runtime keeps an inherited
            // ignore; env resets it and then execs dotnet, so the process id stays the proxy's.
            start.ArgumentList.Add("--default-signal=HUP");
            start.ArgumentList.Add("dotnet");
        }

        start.ArgumentList.Add(dll);
        foreach (var arg in settings.AsArgs().Concat(["--urls", "http://127.0.0.1:0", "--admin-urls", "http://127.0.0.1:0"]))
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["Logging__Console__FormatterName"] = "simple";
        start.Environment["Logging__Console__FormatterOptions__SingleLine"] = "true";
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var proxy = new ProxyProcess(process);
        process.OutputDataReceived += (_, e) => proxy.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => proxy.OnLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var exited = process.WaitForExitAsync();
        var limit = timeout ?? TimeSpan.FromSeconds(30);
        var first = await Task.WhenAny(proxy._ready.Task, exited).WaitAsync(limit).ConfigureAwait(false);
        if (first != proxy._ready.Task)
        {
            throw new InvalidOperationException($"The proxy exited with code {process.ExitCode} before listening. Output:\n{proxy.Output}");
        }

        (proxy.PublicAddress, proxy.AdminAddress) = await proxy._ready.Task.ConfigureAwait(false);
        return proxy;
    }

    /// <summary>Sends a POSIX signal (e.g. "HUP") to the process with kill(1).</summary>
    public async Task SignalAsync(string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-" + signal, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) } })
            ?? throw new InvalidOperationException("kill did not start.");
        await kill.WaitForExitAsync().ConfigureAwait(false);
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -{signal} exited with {kill.ExitCode}.");
        }
    }

    /// <summary>
    /// Polls GET /status until <paramref name="predicate"/> holds. Another process has no in-process
    /// notification to await, so its reported state is read repeatedly, with a generous deadline.
    /// </summary>
    public async Task<JsonElement> WaitForStatusAsync(Func<JsonElement, bool> predicate, string what, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        using var client = new HttpClient { BaseAddress = AdminAddress };
        var deadline = Stopwatch.StartNew();
        var limit = timeout ?? TimeSpan.FromSeconds(15);
        JsonElement last = default;
        while (deadline.Elapsed < limit)
        {
            last = JsonDocument.Parse(await client.GetStringAsync("/status").ConfigureAwait(false)).RootElement.Clone();
            if (predicate(last))
            {
                return last;
            }

            // Spacing between polls of another process's status, not a wait for the reload itself.
            await Task.Delay(20).ConfigureAwait(false);
        }

        throw new TimeoutException($"Timed out after {limit.TotalSeconds:0.#} s waiting for {what}. Last status: {last}\nOutput:\n{Output}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }

        _process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        var match = ListeningLine().Match(line);
        if (match.Success)
        {
            _ready.TrySetResult((new Uri(match.Groups["public"].Value), new Uri(match.Groups["admin"].Value)));
        }
    }

    [GeneratedRegex(@"Proxy listening on (?<public>http://[^,; ]+); admin endpoints on (?<admin>http://[^,; ]+)")]
    private static partial Regex ListeningLine();
}
