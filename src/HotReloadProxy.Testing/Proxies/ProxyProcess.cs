using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using HotReload.Testing;
using HotReload.Testing.Observing;
using HotReloadProxy.Reload;
using HotReloadProxy.Testing.Processes;

namespace HotReloadProxy.Testing.Proxies;

/// <summary>
/// The proxy as a separate OS process, for what only a process can show: signals (SIGHUP), exit codes and
/// console output. Its state is observed through the admin listener's /status (<see cref="StatusReloadObserver"/>),
/// so any test written against <see cref="IProxyUnderTest"/> runs against it too.
/// </summary>
internal sealed partial class ProxyProcess : IProxyUnderTest
{
    private readonly Process _process;
    private readonly OrphanGuard _orphanGuard;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<(Uri Public, Uri Admin)> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private readonly HarnessTimeouts _timeouts;

    private ProxyProcess(Process process, HarnessTimeouts timeouts)
    {
        _process = process;
        _timeouts = timeouts;
        Events = new StatusReloadObserver(CreateAdminClient, timeouts);
        _orphanGuard = OrphanGuard.For(process);
    }

    /// <summary>The outcomes /status reports; see <see cref="StatusReloadObserver"/> for what a process cannot show.</summary>
    public IReloadObserver<ReloadOutcome> Events { get; }

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

    /// <summary>
    /// Starts the proxy's built dll with the given settings on ephemeral loopback ports and waits until it listens.
    /// On every failure (it exits, it does not listen within <see cref="HarnessTimeouts.Startup"/>, the wait is
    /// cancelled) the process tree is killed before the <see cref="ProxyStartException"/> is thrown: nothing leaks.
    /// </summary>
    /// <param name="settings">The proxy's options.</param>
    /// <param name="timeouts">How long to wait for it to listen, and for /status waits; <see cref="HarnessTimeouts.Default"/> when null.</param>
    /// <param name="cancellationToken">Cancels the start (the process is killed).</param>
    /// <returns>The listening proxy.</returns>
    public static async Task<ProxyProcess> StartAsync(ProxySettings settings, HarnessTimeouts? timeouts = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!settings.FileTriggers)
        {
            // The in-process fixtures stop the triggers through the proxy's services; a process has no such door,
            // and the proxy gets no option that exists only for tests.
            throw new NotSupportedException("A proxy process cannot have its file triggers stopped from outside; leave FileTriggers on.");
        }

        var limits = timeouts ?? HarnessTimeouts.Default;
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
        var proxy = new ProxyProcess(process, limits);
        try
        {
            process.OutputDataReceived += (_, e) => proxy.OnLine(e.Data);
            process.ErrorDataReceived += (_, e) => proxy.OnLine(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var exited = process.WaitForExitAsync(CancellationToken.None);
            Task first;
            try
            {
                first = await Task.WhenAny(proxy._ready.Task, exited).WaitAsync(limits.Startup, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                throw new ProxyStartException(process.Id, $"The proxy (pid {process.Id}) did not listen within {limits.Startup.TotalSeconds:0.#} s; it was killed. Output:\n{proxy.Output}");
            }

            if (first != proxy._ready.Task)
            {
                throw new ProxyStartException(process.Id, $"The proxy exited with code {process.ExitCode} before listening. Output:\n{proxy.Output}");
            }

            (proxy.PublicAddress, proxy.AdminAddress) = await proxy._ready.Task.ConfigureAwait(false);
            return proxy;
        }
        catch
        {
            await proxy.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>A client for the public listener.</summary>
    /// <returns>A new client; the caller disposes it.</returns>
    public HttpClient CreateClient() => new(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false }) { BaseAddress = PublicAddress };

    /// <summary>A client for the admin listener.</summary>
    /// <returns>A new client; the caller disposes it.</returns>
    public HttpClient CreateAdminClient() => new(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = AdminAddress };

    /// <summary>The generation /status reports.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The generation.</returns>
    public async Task<long> GetGenerationAsync(CancellationToken cancellationToken = default)
    {
        using var client = CreateAdminClient();
        using var status = JsonDocument.Parse(await client.GetStringAsync(new Uri("/status", UriKind.Relative), cancellationToken).ConfigureAwait(false));
        return status.RootElement.GetProperty("generation").GetInt64();
    }

    /// <summary>Waits until /status reports generation <paramref name="generation"/> or a later one.</summary>
    /// <param name="generation">The generation expected.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when the generation serves.</returns>
    public Task WaitForGenerationAsync(long generation, CancellationToken cancellationToken = default) =>
        WaitForStatusAsync(s => s.GetProperty("generation").GetInt64() >= generation, $"generation {generation}", cancellationToken);

    /// <summary>Sends a POSIX signal (e.g. "HUP") to the process with kill(1).</summary>
    /// <param name="signal">The signal name without SIG, e.g. "HUP".</param>
    /// <param name="cancellationToken">Cancels waiting for kill(1).</param>
    /// <returns>A task that completes when the signal is sent.</returns>
    public async Task SignalAsync(string signal, CancellationToken cancellationToken = default)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-" + signal, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) } })
            ?? throw new InvalidOperationException("kill did not start.");
        await kill.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -{signal} exited with {kill.ExitCode}.");
        }
    }

    /// <summary>
    /// Polls GET /status until <paramref name="predicate"/> holds. Another process has no in-process
    /// notification to await, so its reported state is read repeatedly, with a generous deadline.
    /// </summary>
    /// <param name="predicate">The status expected.</param>
    /// <param name="what">What is awaited, for the timeout message.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The matching status document.</returns>
    public async Task<JsonElement> WaitForStatusAsync(Func<JsonElement, bool> predicate, string what, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        using var client = CreateAdminClient();
        var status = PollingReloadObserver<JsonElement>.ForHttpEndpoint(client, "/status", body => JsonDocument.Parse(body).RootElement.Clone(), timeouts: _timeouts);
        try
        {
            return await status.WaitAsync(status.Mark(), predicate, what, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message}\nOutput:\n{Output}", e);
        }
    }

    /// <summary>Kills the process tree if it still runs, and waits for it to exit.</summary>
    /// <returns>A task that completes once the process has exited.</returns>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill.
        }

        await _process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        _orphanGuard.Dispose();
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
