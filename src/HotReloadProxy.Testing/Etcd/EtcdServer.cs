using System.Diagnostics;
using System.Text;
using Etcdserverpb;
using Google.Protobuf;
using Grpc.Net.Client;
using HotReload.Testing.Files;
using HotReload.Testing.Upstreams;
using HotReloadProxy.Testing.Processes;

namespace HotReloadProxy.Testing.Etcd;

/// <summary>
/// A real single-member etcd (the <c>etcd</c> binary, Debian <c>etcd-server</c>; install with
/// <c>eng/install-etcd.sh</c>) on loopback with free ports and its own data directory. It can be killed
/// (SIGKILL, by pid) and restarted on the same ports and data, as an outage looks to its clients. Dispose
/// always kills it and removes the data.
/// </summary>
public sealed class EtcdServer : IAsyncDisposable
{
    private readonly TempDirectory _data = new("etcd");
    private readonly StringBuilder _output = new();
    private readonly Uri _peer;
    private readonly GrpcChannel _channel;
    private Process? _process;
    private OrphanGuard? _orphanGuard;

    private EtcdServer()
    {
        ClientUrl = UnusedLoopbackAddress.Next();
        _peer = UnusedLoopbackAddress.Next();
        _channel = GrpcChannel.ForAddress(ClientUrl, new GrpcChannelOptions { HttpHandler = new SocketsHttpHandler { UseProxy = false, ConnectTimeout = TimeSpan.FromSeconds(2) } });
    }

    public Uri ClientUrl { get; }

    /// <summary>The value for <c>--etcd</c>.</summary>
    public string Endpoint => ClientUrl.ToString().TrimEnd('/');

    public int? ProcessId => _process is { HasExited: false } p ? p.Id : null;

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

    public static bool IsInstalled => FindOnPath("etcd") is not null;

    public static async Task<EtcdServer> StartAsync()
    {
        if (!IsInstalled)
        {
            throw new InvalidOperationException("etcd is not installed: run eng/install-etcd.sh (Debian etcd-server).");
        }

        var server = new EtcdServer();
        try
        {
            await server.StartProcessAsync().ConfigureAwait(false);
            return server;
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>SIGKILL by pid: no goodbye to clients, as a crash or a lost machine looks.</summary>
    public async Task KillAsync()
    {
        if (_process is { } process)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync().ConfigureAwait(false);
            _orphanGuard?.Dispose();
            _orphanGuard = null;
            process.Dispose();
            _process = null;
        }
    }

    /// <summary>
    /// SIGSTOP by pid: etcd keeps its connections open but answers nothing until <see cref="ResumeAsync"/>, as an
    /// overloaded or paused machine looks. Returns once every thread of the process is stopped.
    /// </summary>
    public async Task PauseAsync()
    {
        var pid = ProcessId ?? throw new InvalidOperationException("etcd is not running.");
        await SignalAsync("STOP", pid).ConfigureAwait(false);
        var deadline = Stopwatch.StartNew();
        while (!AllThreadsStopped(pid))
        {
            if (deadline.Elapsed > TimeSpan.FromSeconds(10))
            {
                throw new TimeoutException($"etcd (pid {pid}) did not stop within 10 s of SIGSTOP.");
            }

            // Spacing between reads of the kernel's process state, not a wait for a reload.
            await Task.Delay(5).ConfigureAwait(false);
        }
    }

    /// <summary>SIGCONT by pid: a paused etcd answers again.</summary>
    public Task ResumeAsync() => SignalAsync("CONT", ProcessId ?? throw new InvalidOperationException("etcd is not running."));

    /// <summary>Starts etcd again on the same ports and data directory (same revisions).</summary>
    public Task RestartAsync() => StartProcessAsync();

    public async Task<long> PutAsync(string key, string value)
    {
        var response = await new KV.KVClient(_channel).PutAsync(new PutRequest { Key = ByteString.CopyFromUtf8(key), Value = ByteString.CopyFromUtf8(value) }, deadline: Deadline()).ConfigureAwait(false);
        return response.Header.Revision;
    }

    public async Task<long> DeleteAsync(string key)
    {
        var response = await new KV.KVClient(_channel).DeleteRangeAsync(new DeleteRangeRequest { Key = ByteString.CopyFromUtf8(key) }, deadline: Deadline()).ConfigureAwait(false);
        return response.Header.Revision;
    }

    /// <summary>Compacts the history up to <paramref name="revision"/>: watches starting before it are cancelled with the compact revision.</summary>
    public async Task CompactAsync(long revision) =>
        await new KV.KVClient(_channel).CompactAsync(new CompactionRequest { Revision = revision, Physical = true }, deadline: Deadline()).ConfigureAwait(false);

    public async Task<long> RevisionAsync()
    {
        var response = await new KV.KVClient(_channel).RangeAsync(new RangeRequest { Key = ByteString.CopyFromUtf8("\0"), CountOnly = true }, deadline: Deadline()).ConfigureAwait(false);
        return response.Header.Revision;
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync().ConfigureAwait(false);
        _channel.Dispose();
        _data.Dispose();
    }

    private static DateTime Deadline() => DateTime.UtcNow.AddSeconds(10);

    private async Task StartProcessAsync()
    {
        var start = new ProcessStartInfo(FindOnPath("etcd")!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var client = ClientUrl.ToString().TrimEnd('/');
        var peer = _peer.ToString().TrimEnd('/');
        foreach (var arg in new[]
        {
            "--name", "test", "--data-dir", _data.File("member-data"),
            "--listen-client-urls", client, "--advertise-client-urls", client,
            "--listen-peer-urls", peer, "--initial-advertise-peer-urls", peer,
            "--initial-cluster", $"test={peer}", "--initial-cluster-state", "new",

            // One member elects itself; short timers make that (and a restart) take milliseconds, not a second.
            "--heartbeat-interval", "10", "--election-timeout", "100",
            "--logger", "zap", "--log-level", "warn",
        })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("etcd did not start.");
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        _orphanGuard = OrphanGuard.For(process);
        await WaitUntilServingAsync(process).ConfigureAwait(false);
    }

    private async Task WaitUntilServingAsync(Process process)
    {
        var deadline = Stopwatch.StartNew();
        Exception? last = null;
        while (deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"etcd exited with code {process.ExitCode} while starting. Output:\n{Output}");
            }

            try
            {
                await RevisionAsync().ConfigureAwait(false);
                return;
            }
            catch (Exception ex) when (ex is Grpc.Core.RpcException or HttpRequestException)
            {
                last = ex;

                // Spacing between readiness probes of a starting process, not a wait for a reload.
                await Task.Delay(20).ConfigureAwait(false);
            }
        }

        throw new TimeoutException($"etcd did not serve within 30 s ({last?.Message}). Output:\n{Output}");
    }

    private static async Task SignalAsync(string signal, int pid)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-" + signal, pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })
            ?? throw new InvalidOperationException("kill did not start.");
        await kill.WaitForExitAsync().ConfigureAwait(false);
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -{signal} {pid} exited with code {kill.ExitCode}.");
        }
    }

    /// <summary>Every thread's state in /proc is T (stopped): a group stop has completed.</summary>
    private static bool AllThreadsStopped(int pid)
    {
        foreach (var stat in System.IO.Directory.EnumerateDirectories($"/proc/{pid}/task").Select(task => Path.Combine(task, "stat")))
        {
            string text;
            try
            {
                text = File.ReadAllText(stat);
            }
            catch (IOException)
            {
                continue;
            }

            // The state follows the command name in parentheses, which may itself contain spaces or parentheses.
            var state = text[(text.LastIndexOf(')') + 2)..].Split(' ', 2)[0];
            if (state != "T")
            {
                return false;
            }
        }

        return true;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}
