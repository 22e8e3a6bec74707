using System.Diagnostics;

namespace HotReload.Benchmarks.Scale;

/// <summary>Managed heap after a full collection, and the process working set: what stays, not what was allocated.</summary>
internal sealed record ProcessMemory(long ManagedBytes, long WorkingSetBytes)
{
    public static ProcessMemory Measure()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var managed = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        return new ProcessMemory(managed, process.WorkingSet64);
    }
}
