using FsCheck;
using FsCheck.Fluent;
using HotReload.Property.Tests.Generators;
using HotReload.Testing.Engine;
using HotReloadProxy.Configuration;

namespace HotReload.Property.Tests.ReloadMachine;

/// <summary>Generators for every operation the state machine test performs, and the file contents they write.</summary>
public static class ReloadOperations
{
    private static readonly TimeSpan Quiet = ReloadModel.QuietWindow;

    /// <summary>Enough whole windows to drain any pending pass: the maximum delay plus every retry, and spare.</summary>
    private static readonly int SettleWindows = (int)(ReloadModel.MaxDelay / Quiet) + ReloadModel.WriteInProgressRetries + 2;

    private static Gen<int> Seed => Gen.Choose(0, int.MaxValue - 1);

    public static Gen<ReloadOperation> Next(ReloadModel model) => Gen.Frequency(
        (14, Seed.Select(seed => Written("write valid", ValidContent(seed)))),
        (4, Seed.Select(seed => Written("write half-written JSON", Truncated(seed)))),
        (6, Gen.Zip(Seed, Gen.Elements(Enum.GetValues<SemanticError>())).Select(p => Written("write semantic error", Semantic(p.Item1, p.Item2)))),
        (2, Gen.Choose(0, 3).Select(v => Written("write empty", FileContent.Rejected(ContentKind.Empty, $"empty #{v}", BrokenConfigs.Empty(v))))),
        (3, Gen.Constant(Written("delete", FileContent.Rejected(ContentKind.Missing, "deleted", null)))),
        (3, Gen.Constant(Written("recreate serving bytes", model.Serving))),
        (2, Gen.Constant(new ReloadOperation("touch", [new EngineStep.Touch(), new EngineStep.FileEvent()]))),
        (2, Seed.Select(seed => Written("write oversized", FileContent.Rejected(ContentKind.TooLarge, $"oversized #{seed}", BrokenConfigs.Oversized(seed, EngineRig.DefaultMaxConfigBytes))))),
        (1, Gen.Constant(Written("replace with a directory", FileContent.Rejected(ContentKind.Directory, "directory", null)))),
        (1, Gen.Constant(Written("make unreadable", FileContent.Rejected(ContentKind.Unreadable, "unreadable", null)))),
        (2, Seed.Select(seed => Written("change the server section", RestartRequired(seed)))),
        (2, Seed.Select(seed => new ReloadOperation("write valid, no event yet", [new EngineStep.Write(ValidContent(seed))]))),
        (4, Burst()),
        (2, Stream()),
        (3, Seed.Select(seed => new ReloadOperation("change while the next read runs", [new EngineStep.WriteDuringNextRead(ValidContent(seed))]))),
        (16, AdvanceBy().Select(by => new ReloadOperation("advance the clock", [new EngineStep.Advance(by)]))),
        (6, Gen.Choose(1, 6).Select(windows => new ReloadOperation($"wait {windows} quiet windows", Enumerable.Repeat<EngineStep>(new EngineStep.Advance(Quiet), windows).ToList()))),
        (4, Gen.Constant(new ReloadOperation("settle", SettleSteps().ToList(), OperationKind.Settles))),
        (4, Gen.Constant(new ReloadOperation("reload now", [new EngineStep.ReloadNow()]))));

    public static FileContent ValidContent(int seed)
    {
        var config = ConfigFaker.Valid(seed);
        return FileContent.Valid($"valid #{seed}", ConfigJsonWriter.ToUtf8(config), config);
    }

    private static ReloadOperation Written(string name, FileContent content) => new(name, [new EngineStep.Write(content), new EngineStep.FileEvent()]);

    private static FileContent Truncated(int seed) => FileContent.Rejected(ContentKind.Syntax, $"truncated #{seed}", BrokenConfigs.Truncated(seed));

    private static FileContent Semantic(int seed, SemanticError error) =>
        FileContent.Rejected(ContentKind.Invalid, $"{error} #{seed}", BrokenConfigs.WithSemanticError(seed, error));

    private static FileContent RestartRequired(int seed) =>
        FileContent.Rejected(ContentKind.RestartRequired, $"server section #{seed}", ConfigJsonWriter.ToUtf8(BrokenConfigs.WithServerSection(seed)));

    /// <summary>Mostly around the quiet window, with its exact edges and jumps past the maximum delay.</summary>
    private static Gen<TimeSpan> AdvanceBy() => Gen.Frequency(
        (4, Gen.Choose(0, 19).Select(ms => TimeSpan.FromMilliseconds(ms))),
        (3, Gen.Constant(Quiet)),
        (2, Gen.Elements(Quiet - TimeSpan.FromTicks(1), Quiet + TimeSpan.FromTicks(1), Quiet / 2)),
        (4, Gen.Choose(21, 60).Select(ms => TimeSpan.FromMilliseconds(ms))),
        (1, Gen.Choose(150, 260).Select(ms => TimeSpan.FromMilliseconds(ms))));

    /// <summary>3 to 8 writes, each reported, less than a quiet window apart, then quiet.</summary>
    private static Gen<ReloadOperation> Burst() => Writes(3, 8).Select(writes => new ReloadOperation(
        $"burst of {writes.Count} writes", writes.SelectMany(ReportedWrite).Concat(SettleSteps()).ToList(), OperationKind.Burst));

    /// <summary>8 to 16 writes less than a window apart, observed while still going: the maximum delay must cut in.</summary>
    private static Gen<ReloadOperation> Stream() => Writes(8, 16).Select(writes => new ReloadOperation(
        $"stream of {writes.Count} writes", writes.SelectMany(ReportedWrite).ToList()));

    private static Gen<List<(FileContent Content, TimeSpan Gap)>> Writes(int min, int max)
    {
        var write = Gen.Frequency(
            (7, Seed.Select(ValidContent)),
            (2, Seed.Select(Truncated)),
            (1, Gen.Zip(Seed, Gen.Elements(Enum.GetValues<SemanticError>())).Select(p => Semantic(p.Item1, p.Item2))));
        var gap = Gen.Choose(0, (int)Quiet.TotalMilliseconds - 1).Select(ms => TimeSpan.FromMilliseconds(ms));
        return Gen.Choose(min, max).SelectMany(count => Gen.ListOf(Gen.Zip(write, gap).Select(w => (w.Item1, w.Item2)), count));
    }

    private static EngineStep[] ReportedWrite((FileContent Content, TimeSpan Gap) write) =>
        [new EngineStep.Write(write.Content), new EngineStep.FileEvent(), new EngineStep.Advance(write.Gap)];

    private static IEnumerable<EngineStep> SettleSteps() => Enumerable.Repeat<EngineStep>(new EngineStep.Advance(Quiet), SettleWindows);
}
