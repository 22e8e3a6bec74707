using System.Diagnostics;
using HotReloadProxy.Testing.Processes;

namespace HotReload.Functional.Tests.Harness;

/// <summary>A child of a test host that ends without disposing it (a cancelled or killed run) does not live on.</summary>
public sealed class OrphanGuardTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    [Fact]
    [Requirement("MU-05")]
    public async Task When_the_host_ends_the_guarded_child_and_its_descendants_are_killed()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        using var child = StartTree();
        var grandchild = await WaitForChildOfAsync(child.Id);
        using var guard = OrphanGuard.For(child);

        guard.ReleaseAsIfTheHostEnded();

        await child.WaitForExitAsync().WaitAsync(Timeout);
        Assert.True(await GoneAsync(grandchild), $"the grandchild {grandchild} outlived the guard");
    }

    [Fact]
    [Requirement("MU-05")]
    public async Task Disposing_the_guard_leaves_the_child_to_its_owner()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        using var child = StartTree();
        try
        {
            OrphanGuard.For(child).Dispose();

            // Nothing may kill the child once the guard is gone; one readiness look, not a wait for a change.
            Assert.False(child.WaitForExit(TimeSpan.FromMilliseconds(200)), "disposing the guard killed the child");
        }
        finally
        {
            child.Kill(entireProcessTree: true);
            await child.WaitForExitAsync().WaitAsync(Timeout);
        }
    }

    private static Process StartTree()
    {
        var start = new ProcessStartInfo("sh") { UseShellExecute = false };
        foreach (var arg in new[] { "-c", "sleep 600 & wait" })
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start)!;
    }

    private static async Task<int> WaitForChildOfAsync(int parent)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < Timeout)
        {
            using var pgrep = Process.Start(new ProcessStartInfo("pgrep") { ArgumentList = { "-P", parent.ToString(System.Globalization.CultureInfo.InvariantCulture) }, RedirectStandardOutput = true })!;
            var output = await pgrep.StandardOutput.ReadToEndAsync();
            await pgrep.WaitForExitAsync();
            if (int.TryParse(output.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(), out var id))
            {
                return id;
            }

            // Spacing between looks at the process table (a child has no event to await), not a wait for a reload.
            await Task.Delay(10);
        }

        throw new TimeoutException($"process {parent} started no child within {Timeout.TotalSeconds} s");
    }

    private static async Task<bool> GoneAsync(int id)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < Timeout)
        {
            // A killed process that its (also killed) parent never reaped is a zombie: gone for this purpose.
            var status = $"/proc/{id}/status";
            if (!File.Exists(status) || File.ReadLines(status).Any(l => l.StartsWith("State:", StringComparison.Ordinal) && l.Contains('Z', StringComparison.Ordinal)))
            {
                return true;
            }

            // Spacing between looks at /proc (a killed process has no event to await), not a wait for a reload.
            await Task.Delay(10);
        }

        return false;
    }
}
