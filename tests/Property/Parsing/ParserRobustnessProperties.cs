using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using HotReload.Property.Tests.Generators;
using HotReloadProxy.Configuration.Parsing;
using HotReloadProxy.Configuration.Validation;
using HotReloadProxy.Reload;
using HotReloadProxy.Testing.Engine;

namespace HotReload.Property.Tests.Parsing;

/// <summary>
/// CV-13: whatever bytes the file holds, loading it never throws; every failure is a config error whose
/// position lies inside the file; and the engine reading them keeps serving its last good generation.
/// </summary>
public sealed class ParserRobustnessProperties
{
    private static readonly ConfigValidator Validator = new();

    [Property(MaxTest = 1000, QuietOnSuccess = true)]
    [Requirement("CV-13")]
    public FsCheck.Property Random_bytes_give_positioned_errors_never_exceptions() =>
        Prop.ForAll(Arb.From(ByteGenerators.Noise, Shrinkers.Bytes), ChecksCleanly);

    [Property(MaxTest = 1000, QuietOnSuccess = true)]
    [Requirement("CV-13")]
    public FsCheck.Property Json_shaped_noise_gives_positioned_errors_never_exceptions() =>
        Prop.ForAll(Arb.From(ByteGenerators.JsonShaped, Shrinkers.Bytes), ChecksCleanly);

    [Property(MaxTest = 1000, QuietOnSuccess = true)]
    [Requirement("CV-13", "EH-01")]
    public FsCheck.Property Damaged_configs_give_positioned_errors_and_the_engine_keeps_its_last_good_generation() =>
        Prop.ForAll(Arb.From(ByteGenerators.Damaged, damaged => Shrinkers.RemoveOne(damaged.Mutations).Select(fewer => damaged with { Mutations = fewer })), damaged =>
        {
            var bytes = damaged.Bytes;
            ChecksCleanly(bytes);

            using var rig = new EngineRig(ConfigFaker.Valid(damaged.Seed));
            var before = rig.Current;
            rig.File.Write(bytes);
            var outcome = rig.Scheduler.ReloadNow(ReloadTrigger.Manual);

            AssertPositioned(bytes, outcome.Errors);
            switch (outcome.Result)
            {
                case ReloadResult.Rejected:
                    Assert.Same(before, rig.Current);
                    break;
                case ReloadResult.Applied:
                    // A mutation inside a string or whitespace can leave a valid config: it becomes generation 2.
                    Assert.Equal(2, rig.Current.Generation);
                    break;
                default:
                    Assert.Same(before, rig.Current);
                    Assert.Equal(before.Sha256, ConfigCheck.HashOf(bytes));
                    break;
            }
        });

    private static void ChecksCleanly(byte[] bytes)
    {
        var check = ConfigCheck.Run(new ConfigFileRead.Content(bytes), Validator, ReloadEngineOptions.DefaultMaxConfigBytes);
        Assert.Equal(check.IsValid, check.Errors.Count == 0);
        Assert.Equal(check.IsValid, check.Config is not null);
        AssertPositioned(bytes, check.Errors);
    }

    /// <summary>Line and column are 1-based and point into the file (at most one past the end of a line).</summary>
    private static void AssertPositioned(byte[] bytes, IReadOnlyList<ConfigError> errors)
    {
        var lines = Encoding.UTF8.GetString(bytes).Split('\n');
        foreach (var error in errors)
        {
            var (line, column) = (error.Position.Line, error.Position.Column);
            Assert.True(line >= 1 && column >= 1, $"{error.Format("f")}: position not 1-based");
            Assert.True(line <= lines.Length, $"{error.Format("f")}: line past the end of a {lines.Length}-line file");
            Assert.True(column <= lines[line - 1].Length + 1, $"{error.Format("f")}: column past the end of line {line} ({lines[line - 1].Length} characters)");
        }
    }
}
