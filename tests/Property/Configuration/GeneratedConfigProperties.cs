using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using HotReload.Property.Tests.Generators;
using HotReloadProxy.Configuration;
using HotReloadProxy.Configuration.Model;
using HotReloadProxy.Configuration.Validation;
using HotReloadProxy.Reload;
using HotReloadProxy.Testing.Configs;

namespace HotReload.Property.Tests.Configuration;

/// <summary>
/// The generators mean what they say (valid configs validate, each planted mistake is caught for its reason),
/// which is also the validator's promise to catch each kind of mistake, positioned, all at once.
/// </summary>
public sealed class GeneratedConfigProperties
{
    private static readonly ConfigValidator Validator = new();

    private static Arbitrary<int> Seeds => Arb.From(Gen.Choose(0, int.MaxValue - 1));

    [Property(MaxTest = 500, QuietOnSuccess = true)]
    [Requirement("HN-03")]
    public FsCheck.Property Generated_configs_pass_validation() =>
        Prop.ForAll(Seeds, seed =>
        {
            var check = Check(ConfigJsonWriter.ToUtf8(ConfigFaker.Valid(seed)));
            Assert.True(check.IsValid, string.Join(" | ", check.Errors.Select(e => e.Format("generated"))));
        });

    [Property(MaxTest = 1000, QuietOnSuccess = true)]
    [Requirement("HN-03", "CV-03", "CV-04", "CV-05", "CV-06", "CV-07", "CV-08", "CV-09")]
    public FsCheck.Property Each_kind_of_semantic_mistake_is_rejected_as_invalid_with_a_position() =>
        Prop.ForAll(Seeds, Arb.From(Gen.Elements(Enum.GetValues<SemanticError>())), (seed, error) =>
        {
            var check = Check(BrokenConfigs.WithSemanticError(seed, error));
            Assert.True(check.Reason == RejectionReason.Invalid, $"{error} #{seed}: {check.Reason}");
            Assert.NotEmpty(check.Errors);
            Assert.All(check.Errors, e => Assert.True(e.Position.Line >= 1 && e.Position.Column >= 1, e.Format("f")));
        });

    [Property(MaxTest = 300, QuietOnSuccess = true)]
    [Requirement("HN-03", "CV-01")]
    public FsCheck.Property Half_written_and_blank_files_are_rejected_as_syntax_errors_and_empty() =>
        Prop.ForAll(Seeds, seed =>
        {
            var truncated = Check(BrokenConfigs.Truncated(seed));
            Assert.Equal(RejectionReason.Syntax, truncated.Reason);
            var error = Assert.Single(truncated.Errors);
            Assert.StartsWith($"/etc/proxy.json:{error.Position.Line}:{error.Position.Column}: JSON syntax error", error.Format("/etc/proxy.json"), StringComparison.Ordinal);
            Assert.True(error.Position.Line >= 1 && error.Position.Column >= 1);
            Assert.Equal(RejectionReason.Empty, Check(BrokenConfigs.Empty(seed)).Reason);
        });

    [Property(MaxTest = 300, QuietOnSuccess = true)]
    [Requirement("CV-02")]
    public FsCheck.Property Every_bad_status_is_reported_at_once_on_its_own_line() =>
        Prop.ForAll(Seeds, Arb.From(Gen.Choose(1, 6)), (seed, count) =>
        {
            var config = ConfigFaker.Valid(seed);
            var bad = config.Routes.Take(count).Select((route, i) => route with { Cluster = null, Respond = new DirectResponse { Status = 600 + i } }).ToList();
            var broken = config with { Routes = new ValueList<RouteConfig>(bad.Concat(config.Routes.Skip(count))) };
            var json = ConfigJsonWriter.ToUtf8(broken);

            var errors = Check(json).Errors;

            var statusLines = Encoding.UTF8.GetString(json).Split('\n').Select((text, i) => (text, line: i + 1))
                .Where(l => l.text.Contains("\"status\": 6", StringComparison.Ordinal)).Select(l => l.line).ToList();
            Assert.Equal(bad.Count, statusLines.Count);
            Assert.Equal(statusLines, errors.Select(e => e.Position.Line).Order());
        });

    [Property(MaxTest = 1000, QuietOnSuccess = true)]
    [Requirement("CV-02", "HN-03")]
    public FsCheck.Property Each_error_points_at_the_offending_value_or_property_name() =>
        Prop.ForAll(Seeds, Arb.From(Gen.Elements(Enum.GetValues<SemanticError>())), (seed, error) =>
        {
            var bytes = BrokenConfigs.WithSemanticError(seed, error);
            var lines = Encoding.UTF8.GetString(bytes).Split('\n');
            foreach (var e in Check(bytes).Errors.Where(e => e.JsonPath != "$"))
            {
                var line = lines[e.Position.Line - 1];
                var (before, at) = (line[..(e.Position.Column - 1)], line[(e.Position.Column - 1)..]);
                var last = LastSegment(e.JsonPath);
                // The written file is indented: a property's value follows its name on the same line, and each
                // array item starts a line. An unknown or duplicated property is reported at its name.
                var pointsRight = last is null
                    ? before.Trim().Length == 0
                    : before.EndsWith($"\"{last}\": ", StringComparison.Ordinal) || at.StartsWith($"\"{last}\"", StringComparison.Ordinal);
                Assert.True(pointsRight, $"{error} #{seed}: {e.Format("f")} (path {e.JsonPath}) points at: {before}>>{at}");
            }
        });

    /// <summary>The property name a path ends with, or null when it ends with an array index.</summary>
    private static string? LastSegment(string path) => path.EndsWith(']') ? null : path[(path.LastIndexOf('.') + 1)..];

    private static ConfigCheck Check(byte[] bytes) => ConfigCheck.Run(new ConfigFileRead.Content(bytes), Validator, ReloadEngineOptions.DefaultMaxConfigBytes);
}
