using FsCheck;
using FsCheck.Fluent;
using HotReload.Property.Tests.Generators;
using HotReloadProxy.Configuration;
using HotReloadProxy.Testing.Configs;
using HotReloadProxy.Testing.Engine;

namespace HotReload.Property.Tests.ReloadMachine;

/// <summary>Generators for every operation the state machine test performs, and the file contents they write.</summary>
internal static class ReloadOperations
{
    /// <summary>
    /// Enough whole windows to drain any pending pass once events stop: the last event's window, every
    /// write-in-progress retry, one more pass for a change that landed during a read, and one spare. (The
    /// maximum delay only shortens waits.) The model checks it is idle after settling, so too few would show.
    /// </summary>
    private const int SettleWindows = 1 + ReloadModel.WriteInProgressRetries + 1 + 1;

    private static Gen<int> Seed => Gen.Choose(0, int.MaxValue - 1);

    public static Gen<ReloadOperation> Next(ReloadModel model) => Next(model, (model ?? throw new ArgumentNullException(nameof(model))).QuietWindow);

    private static Gen<ReloadOperation> Next(ReloadModel model, TimeSpan quiet) => Gen.Frequency(
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
        (4, Burst(quiet)),
        (2, Stream(quiet)),
        (2, Flap(model, quiet)),
        (3, AnyWrite.Select(content => new ReloadOperation("change while the next read runs", [new EngineStep.WriteDuringNextRead(content)]))),
        (16, AdvanceBy(quiet).Select(by => new ReloadOperation("advance the clock", [new EngineStep.Advance(by)]))),
        (6, Gen.Choose(1, 6).Select(windows => new ReloadOperation($"wait {windows} quiet windows", Enumerable.Repeat<EngineStep>(new EngineStep.Advance(quiet), windows).ToList()))),
        (4, Gen.Constant(new ReloadOperation("settle", SettleSteps(quiet).ToList(), OperationKind.Settles))),
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

    /// <summary>Broken, back to the serving bytes, then broken the same way again: each breakage is news (LG-02).</summary>
    private static Gen<ReloadOperation> Flap(ReloadModel model, TimeSpan quiet)
    {
        var broken = Gen.OneOf(
            Gen.Constant(FileContent.Rejected(ContentKind.Missing, "deleted", null)),
            Gen.Constant(FileContent.Rejected(ContentKind.Directory, "directory", null)),
            Gen.Zip(Seed, Gen.Elements(Enum.GetValues<SemanticError>())).Select(p => Semantic(p.Item1, p.Item2)));
        return broken.Select(content => new ReloadOperation(
            "break, restore, break again",
            new[] { content, model.Serving, content }.SelectMany(c => new EngineStep[] { new EngineStep.Write(c), new EngineStep.FileEvent() }.Concat(SettleSteps(quiet))).ToList(),
            OperationKind.Settles));
    }

    /// <summary>Mostly around the quiet window, with its exact edges and jumps past the maximum delay.</summary>
    private static Gen<TimeSpan> AdvanceBy(TimeSpan quiet) => Gen.Frequency(
        (4, Below(quiet)),
        (3, Gen.Constant(quiet)),
        (2, Gen.Elements(quiet - TimeSpan.FromTicks(1), quiet + TimeSpan.FromTicks(1), quiet / 2)),
        (4, Gen.Choose(1, (int)(quiet.Ticks * 2)).Select(ticks => quiet + TimeSpan.FromTicks(ticks))),
        (1, Gen.Choose((int)(quiet.Ticks * 7), (int)(quiet.Ticks * 13)).Select(ticks => TimeSpan.FromTicks(ticks))));

    /// <summary>Less than one quiet window: another event in that time restarts the wait.</summary>
    private static Gen<TimeSpan> Below(TimeSpan quiet) => Gen.Choose(0, (int)quiet.Ticks - 1).Select(ticks => TimeSpan.FromTicks(ticks));

    /// <summary>3 to 8 writes, each reported, less than a quiet window apart, then quiet.</summary>
    private static Gen<ReloadOperation> Burst(TimeSpan quiet) => Writes(3, 8, quiet).Select(writes => new ReloadOperation(
        $"burst of {writes.Count} writes", writes.SelectMany(ReportedWrite).Concat(SettleSteps(quiet)).ToList(), OperationKind.Burst));

    /// <summary>8 to 16 writes less than a window apart, checked while still going: when they span ten windows the maximum delay must cut in.</summary>
    private static Gen<ReloadOperation> Stream(TimeSpan quiet) => Writes(8, 16, quiet).Select(writes => new ReloadOperation(
        $"stream of {writes.Count} writes", writes.SelectMany(ReportedWrite).ToList()));

    private static Gen<List<(FileContent Content, TimeSpan Gap)>> Writes(int min, int max, TimeSpan quiet) =>
        Gen.Choose(min, max).SelectMany(count => Gen.ListOf(Gen.Zip(AnyWrite, Below(quiet)).Select(w => (w.Item1, w.Item2)), count));

    /// <summary>What a writer leaves: mostly a complete valid config, sometimes half of one or a mistake.</summary>
    private static Gen<FileContent> AnyWrite => Gen.Frequency(
        (7, Seed.Select(ValidContent)),
        (2, Seed.Select(Truncated)),
        (1, Gen.Zip(Seed, Gen.Elements(Enum.GetValues<SemanticError>())).Select(p => Semantic(p.Item1, p.Item2))));

    private static EngineStep[] ReportedWrite((FileContent Content, TimeSpan Gap) write) =>
        [new EngineStep.Write(write.Content), new EngineStep.FileEvent(), new EngineStep.Advance(write.Gap)];

    private static IEnumerable<EngineStep> SettleSteps(TimeSpan quiet) => Enumerable.Repeat<EngineStep>(new EngineStep.Advance(quiet), SettleWindows);
}
