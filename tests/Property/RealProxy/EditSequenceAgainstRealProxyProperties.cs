using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using HotReload.Testing.Files;
using HotReload.Testing.Load;
using HotReload.Testing.Upstreams;
using HotReloadProxy.Reload;
using HotReloadProxy.Testing.Configs;
using HotReloadProxy.Testing.Proxies;

namespace HotReload.Property.Tests.RealProxy;

/// <summary>
/// Random edit sequences against the real proxy on Kestrel with real files, while concurrent clients record
/// every response. Whatever the sequence, the history must be clean, and a final valid write must be picked up
/// (so no sequence can leave the watcher or poller dead) and be what is served once the file is quiet.
/// </summary>
public sealed class EditSequenceAgainstRealProxyProperties
{
    private const int Clients = 4;
    private const int MaxConfigBytes = 64 * 1024;

    [Property(MaxTest = 25, QuietOnSuccess = true)]
    [Requirement("AT-03", "AT-04", "EH-01", "HR-04", "CD-03", "CD-07")]
    public FsCheck.Property Any_edit_sequence_under_watching_leaves_a_clean_history() =>
        Prop.ForAll(ProxyEditGenerators.Sequences(), sequence => Run(sequence, pollMilliseconds: null));

    [Property(MaxTest = 25, QuietOnSuccess = true)]
    [Requirement("AT-03", "AT-04", "EH-01", "HR-04", "CD-06")]
    public FsCheck.Property Any_edit_sequence_under_polling_leaves_a_clean_history() =>
        Prop.ForAll(ProxyEditGenerators.Sequences(), sequence => Run(sequence, pollMilliseconds: 20));

    /// <summary>Runs off the test's synchronization context: FsCheck calls this synchronously and the proxy is all async.</summary>
    private static void Run(ProxyEdit[] sequence, int? pollMilliseconds) =>
        Task.Run(() => RunAsync(sequence, pollMilliseconds)).GetAwaiter().GetResult();

    private static async Task RunAsync(ProxyEdit[] sequence, int? pollMilliseconds)
    {
        using var directory = new TempDirectory("prop-proxy");
        await using var upstream = await UpstreamServer.StartAsync("backend");
        var configDirectory = Directory.CreateDirectory(directory.File("conf")).FullName;
        var editor = ConfigFileEditor.For(Path.Combine(configDirectory, "proxy.json"), TestConfigs.VersionedForward("start", upstream.Address).ToJson());
        await using var proxy = await KestrelProxy.StartAsync(new ProxySettings
        {
            ConfigPath = editor.Path,
            PollMilliseconds = pollMilliseconds,
            MaxConfigBytes = MaxConfigBytes,
        });
        var rejectedVersions = new HashSet<string>();
        await using var recorder = LoadRecorder.Start(proxy.CreateClient, "/echo/property", TestConfigs.ResponseReader, Clients);
        await recorder.WaitForRequestsAsync(Clients);

        for (var step = 0; step < sequence.Length; step++)
        {
            var edit = sequence[step];
            if (edit.NeedsExistingFile && !File.Exists(editor.Path))
            {
                continue;
            }

            var version = $"s{step}";
            if (!edit.WritesValidContent)
            {
                rejectedVersions.Add(version);
            }

            await editor.ApplyAsync(edit.ToFileEdit(version, upstream.Address, MaxConfigBytes));

            // The generated pause spaces the edits on purpose (0 makes bursts); nothing waits for a reload here.
            // A directory stays a little longer so the proxy usually reads it, though nothing is asserted about
            // that; Reset then removes it so the next write can go through.
            if (edit.Kind == ProxyEditKind.ReplaceWithDirectory)
            {
                await Task.Delay(edit.PauseMilliseconds + 30);
                editor.Reset();
            }
            else if (edit.PauseMilliseconds > 0)
            {
                await Task.Delay(edit.PauseMilliseconds);
            }
        }

        var finalContent = TestConfigs.VersionedForward("final", upstream.Address).ToJson();
        var mark = proxy.Events.Mark();
        await editor.ApplyAsync(new FileEdit.AtomicReplace(finalContent));
        await proxy.Events.WaitForAppliedContentAsync(finalContent, $"the final write to be applied after [{string.Join(", ", sequence.AsEnumerable())}]", mark);

        var quietSince = LoadRecorder.Now();
        await recorder.WaitForRequestsAsync(Clients * 2);
        var history = await recorder.StopAsync();
        var report = HistoryChecker.Check(history, new HistoryExpectations
        {
            ValidGenerations = proxy.Events.ServedGenerations(),
            RejectedVersions = rejectedVersions,
            FinalVersion = "final",
            QuietSince = quietSince,
        });
        if (!report.IsClean)
        {
            throw new HistoryViolationException($"After [{string.Join(", ", sequence.AsEnumerable())}]: {report}");
        }
    }
}
