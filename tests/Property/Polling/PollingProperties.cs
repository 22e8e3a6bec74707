using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using HotReload.Property.Tests.Generators;
using HotReload.Property.Tests.ReloadMachine;
using HotReloadProxy.Reload;
using HotReloadProxy.Reload.Triggers;
using HotReloadProxy.Testing.Engine;

namespace HotReload.Property.Tests.Polling;

/// <summary>One change the poller must see (or must not turn into a new generation).</summary>
public sealed record PollChange(string Name, int Seed)
{
    public override string ToString() => Seed == 0 ? Name : $"{Name} #{Seed}";
}

/// <summary>
/// CD-05/CD-06: in poll mode, where no file event ever arrives, every change is noticed from the file's
/// stamp, valid content serves once the file is quiet, and a touch or a rewrite of the same bytes never
/// makes a new generation.
/// </summary>
public sealed class PollingProperties
{
    private static readonly string[] Kinds = ["write new valid", "rewrite same bytes", "touch", "delete", "write half-written", "restore serving bytes"];

    private static Gen<PollChange> Change =>
        Gen.Zip(Gen.Elements(Kinds), Gen.Choose(1, int.MaxValue - 1)).Select(p => new PollChange(p.Item1, p.Item1 is "write new valid" or "write half-written" ? p.Item2 : 0));

    [Property(MaxTest = 300, QuietOnSuccess = true)]
    [Requirement("CD-05", "CD-06", "HR-03")]
    public FsCheck.Property Polling_notices_every_change_and_only_new_valid_bytes_make_a_generation() =>
        Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue - 1)), Arb.From(Gen.Choose(1, 12).SelectMany(n => Gen.ListOf(Change, n)), Shrinkers.RemoveOne), (seed, changes) =>
        {
            var initial = ReloadOperations.ValidContent(seed);
            using var rig = new EngineRig(initial.Config!);
            // Polled by hand: one Poll() is one tick of the poll interval.
            using var poller = new ConfigFilePoller(rig.File, Timeout.InfiniteTimeSpan, rig.Time, rig.Scheduler.Notify);
            var (file, serving, generation) = (initial, initial, 1L);

            foreach (var change in changes)
            {
                var stampBefore = rig.File.Stamp();
                switch (change.Name)
                {
                    case "write new valid":
                        file = ReloadOperations.ValidContent(change.Seed);
                        rig.File.Write(file.Bytes!);
                        break;
                    case "write half-written":
                        file = FileContent.Rejected(ContentKind.Syntax, "half-written", BrokenConfigs.Truncated(change.Seed));
                        rig.File.Write(file.Bytes!);
                        break;
                    case "restore serving bytes":
                        file = serving;
                        rig.File.Write(file.Bytes!);
                        break;
                    case "rewrite same bytes" when file.Bytes is not null:
                        rig.File.Write(file.Bytes);
                        break;
                    case "delete":
                        file = FileContent.Rejected(ContentKind.Missing, "deleted", null);
                        rig.File.Delete();
                        break;
                    default:
                        rig.File.Touch();
                        break;
                }

                var outcomes = rig.Outcomes.Count;
                poller.Poll();
                rig.Settle();

                // A second delete changes nothing on disk; anything else that leaves a new stamp must be seen.
                var changed = rig.File.Stamp() != stampBefore;
                Assert.True(changed == rig.Outcomes.Count > outcomes, $"{change}: stamp changed {changed}, outcomes {rig.Outcomes.Count - outcomes}");
                if (file.Kind == ContentKind.Valid && file.Sha256 != serving.Sha256)
                {
                    (serving, generation) = (file, generation + 1);
                }

                Assert.Equal(generation, rig.Current.Generation);
                Assert.Equal(serving.Sha256, rig.Current.Sha256);
                Assert.All(rig.Outcomes.Skip(outcomes), o => Assert.True(o.Result != ReloadResult.Applied || o.Sha256 == file.Sha256, $"{change}: applied {o.Sha256}"));
            }
        });
}
