using HotReload.Conformance.Profiles;
using HotReload.Conformance.Targets;

namespace HotReload.Conformance.Tests.Support;

/// <summary>Profiles and launchers for the in-process faulty targets.</summary>
internal static class FaultyTargets
{
    public static TargetProfile Profile(Fault fault) => new()
    {
        Name = $"faulty-{fault}",
        Config = new ConfigSpec { FileName = "faulty.json", Template = """{ "version": "{{version}}", "upstream": "{{upstream}}" }""" },
        Reload = new ReloadSpec { Kind = ReloadKind.Watch },
        Acknowledge = new AcknowledgeSpec { Url = "http://127.0.0.1:{{listenPort}}/__status", GenerationPath = "generation", AttemptPaths = ["attempts"] },
        SettleMs = 1000,
        ApplyTimeoutMs = 3000,
    };

    public static ITargetLauncher Launcher(Fault fault) => new FaultyLauncher(fault);

    private sealed class FaultyLauncher(Fault fault) : ITargetLauncher
    {
        public async Task<IRunningTarget> StartAsync(TargetStart start, CancellationToken cancellationToken) => await FaultyTarget.StartAsync(fault, start);
    }
}
