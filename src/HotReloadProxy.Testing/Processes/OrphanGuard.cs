using System.Diagnostics;
using System.Globalization;

namespace HotReloadProxy.Testing.Processes;

/// <summary>
/// Kills a child process and its descendants when the test host that started it ends without disposing it: a
/// cancelled or timed-out run (Stryker, an IDE, Ctrl+C) kills the test host, so no DisposeAsync and no exit
/// handler runs, and a proxy or etcd child would otherwise live on, idle, forever. A watchdog shell reads a pipe
/// whose only writer is this process; the kernel closes it however this process ends, and the watchdog then kills
/// the tree. Disposing the guard stops the watchdog without killing anything.
/// </summary>
public sealed class OrphanGuard : IDisposable
{
    // $1 is the child's pid. cat returns at end of input: when the test host's end of the pipe closes.
    private const string Watchdog =
        "cat >/dev/null; tree() { for c in $(pgrep -P \"$1\"); do tree \"$c\"; done; echo \"$1\"; }; kill -9 $(tree \"$1\") 2>/dev/null; exit 0";

    private readonly Process? _watchdog;

    private OrphanGuard(Process? watchdog) => _watchdog = watchdog;

    /// <summary>Guards <paramref name="child"/> from here on; on Windows (no sh, no pgrep) the guard does nothing.</summary>
    public static OrphanGuard For(Process child)
    {
        ArgumentNullException.ThrowIfNull(child);
        if (OperatingSystem.IsWindows())
        {
            return new OrphanGuard(null);
        }

        var start = new ProcessStartInfo("sh") { RedirectStandardInput = true, UseShellExecute = false };
        foreach (var arg in new[] { "-c", Watchdog, "orphan-guard", child.Id.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(arg);
        }

        return new OrphanGuard(Process.Start(start));
    }

    /// <summary>What the end of the test host does to the watchdog: closes its input. For tests of the guard itself.</summary>
    public void ReleaseAsIfTheHostEnded() => _watchdog?.StandardInput.Close();

    public void Dispose()
    {
        if (_watchdog is null)
        {
            return;
        }

        try
        {
            _watchdog.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It has already exited.
        }

        _watchdog.WaitForExit();
        _watchdog.Dispose();
    }
}
