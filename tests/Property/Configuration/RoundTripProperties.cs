using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using HotReload.Property.Tests.Generators;
using HotReloadProxy.Configuration;
using HotReloadProxy.Configuration.Model;
using HotReloadProxy.Configuration.Parsing;
using HotReloadProxy.Testing.Configs;

namespace HotReload.Property.Tests.Configuration;

/// <summary>CV-14: a config written by <see cref="ConfigJsonWriter"/> parses back to an equal config.</summary>
public sealed class RoundTripProperties
{
    [Property(MaxTest = 1000, QuietOnSuccess = true)]
    [Requirement("CV-14")]
    public FsCheck.Property Any_config_survives_a_trip_through_json() =>
        Prop.ForAll(Arb.From(WildConfigGenerators.Config, Shrinkers.Config), Arb.From(Gen.Elements(true, false)), AssertRoundTrips);

    [Property(MaxTest = 500, QuietOnSuccess = true)]
    [Requirement("CV-14")]
    public FsCheck.Property Realistic_configs_survive_a_trip_through_json() =>
        Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue - 1)), Arb.From(Gen.Elements(true, false)), (seed, indented) => AssertRoundTrips(ConfigFaker.Valid(seed), indented));

    [Property(MaxTest = 1000, QuietOnSuccess = true)]
    [Requirement("CV-14")]
    public FsCheck.Property Edits_by_hand_that_keep_the_meaning_parse_to_the_same_config_and_round_trip() =>
        Prop.ForAll(Arb.From(HandEditedConfig.Generator, edited => Shrinkers.RemoveOne(edited.Edits).Select(fewer => edited with { Edits = fewer })), edited =>
        {
            // Comments, trailing commas, escapes, CRLF, a BOM and "$schema" are all allowed and mean nothing.
            var parsed = ConfigParser.Parse(edited.Bytes);

            Assert.True(parsed.Succeeded, string.Join("; ", parsed.Errors.Select(e => e.Format("edited"))) + "\n" + System.Text.Encoding.UTF8.GetString(edited.Bytes));
            Assert.True(parsed.Config == ConfigFaker.Valid(edited.Seed), "the edited file means something else");
            AssertRoundTrips(parsed.Config, edited.Indented);
        });

    private static void AssertRoundTrips(ProxyConfig config, bool indented)
    {
        var json = ConfigJsonWriter.ToUtf8(config, indented);
        var parsed = ConfigParser.Parse(json);

        Assert.True(parsed.Succeeded, string.Join("; ", parsed.Errors.Select(e => e.Format("json"))));
        Assert.True(config == parsed.Config, $"parsed back differently:\n{System.Text.Encoding.UTF8.GetString(json)}\nwas {config}\nnow {parsed.Config}");
    }
}
