using System.Diagnostics;
using HotReload.Testing;
using HotReload.Testing.Files;
using HotReloadProxy.Testing.Configs;
using HotReloadProxy.Testing.Proxies;

namespace HotReload.Functional.Tests.Harness;

/// <summary>A fixture that fails to start must not leave a proxy running behind the test run.</summary>
[Requirement("HN-04")]
public sealed class ProxyProcessStartTests
{
    [Fact]
    public async Task A_proxy_that_does_not_listen_in_time_is_killed()
    {
        using var directory = new TempDirectory();
        var path = directory.NestedFile("proxy.json");
        File.WriteAllText(path, TestConfigs.Versioned("v1").ToJson());

        // Far shorter than a .NET process takes to start: the start times out while the child runs.
        var tooShort = HarnessTimeouts.Default with { Startup = TimeSpan.FromMilliseconds(1) };
        var failure = await Assert.ThrowsAsync<ProxyStartException>(() => ProxyProcess.StartAsync(new ProxySettings { ConfigPath = path }, tooShort));

        Assert.Contains("did not listen", failure.Message, StringComparison.Ordinal);
        AssertGone(failure.ProcessId);
    }

    [Fact]
    public async Task A_proxy_whose_start_is_cancelled_is_killed()
    {
        using var directory = new TempDirectory();
        var path = directory.NestedFile("proxy.json");
        File.WriteAllText(path, TestConfigs.Versioned("v1").ToJson());
        using var cancel = new CancellationTokenSource();

        var start = ProxyProcess.StartAsync(new ProxySettings { ConfigPath = path }, cancellationToken: cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => start);
        var leaked = ProcessesNaming(path);
        foreach (var id in leaked)
        {
            Kill(id);
        }

        Assert.Empty(leaked);
    }

    [Fact]
    public async Task A_proxy_that_exits_before_listening_reports_its_output()
    {
        using var directory = new TempDirectory();

        var failure = await Assert.ThrowsAsync<ProxyStartException>(() => ProxyProcess.StartAsync(new ProxySettings { ConfigPath = directory.File("absent.json") }));

        Assert.Contains("exited with code 2", failure.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", failure.Message, StringComparison.Ordinal);
        AssertGone(failure.ProcessId);
    }

    private static void AssertGone(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            var alive = !process.HasExited;
            Kill(processId);
            Assert.False(alive, $"process {processId} outlived the failed start");
        }
        catch (ArgumentException)
        {
            // No such process: it was killed and reaped.
        }
    }

    private static void Kill(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
        catch (ArgumentException)
        {
        }
        catch (InvalidOperationException)
        {
        }
    }

    // The config path is unique to this test, so a process naming it on its command line is this test's proxy.
    private static List<int> ProcessesNaming(string configPath)
    {
        var found = new List<int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), System.Globalization.CultureInfo.InvariantCulture, out var id))
            {
                continue;
            }

            try
            {
                if (File.ReadAllText(Path.Combine(directory, "cmdline")).Split('\0').Contains(configPath))
                {
                    found.Add(id);
                }
            }
            catch (IOException)
            {
                // The process exited while being read.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return found;
    }
}
