using HotReloadProxy.Configuration;
using HotReloadProxy.Configuration.Parsing;
using HotReloadProxy.Testing.Configs;
using static HotReload.Core.Tests.Configuration.ConfigText;

namespace HotReload.Core.Tests.Configuration;

/// <summary>A config as a user writes it, parsed, written back and parsed again, is unchanged.</summary>
[Requirement("CV-14")]
public sealed class ConfigRoundTripFromTextTests
{
    [Theory]
    [InlineData("30s")]
    [InlineData("1.5s")]
    [InlineData("250ms")]
    [InlineData("2m")]
    [InlineData("00:00:30")]
    [InlineData("1.2345ms")]
    [InlineData("0.0001ms")]
    [InlineData("0.5ms")]
    [InlineData("00:00:00.1234567")]
    [InlineData("59.9999999m")]
    public void Timeouts_round_trip_exactly(string timeout)
    {
        var parsed = Parse(
            "{\"routes\": [{\"id\": \"a\", \"match\": {\"path\": \"/\"}, \"cluster\": \"c\", \"timeout\": \"" + timeout + "\"}]," +
            " \"clusters\": {\"c\": {\"timeout\": \"" + timeout + "\", \"destinations\": {\"d\": {\"address\": \"http://a\"}}}}}");
        Assert.True(parsed.Succeeded);
        Assert.Empty(new HotReloadProxy.Configuration.Validation.ConfigValidator().Validate(parsed.Config, parsed.Positions).Errors);

        var again = ConfigParser.Parse(ConfigJsonWriter.ToUtf8(parsed.Config));

        Assert.True(again.Succeeded, string.Join(" | ", again.Errors.Select(e => e.Format("f"))));
        Assert.Equal(parsed.Config.Routes[0].Timeout, again.Config.Routes[0].Timeout);
        Assert.Equal(parsed.Config, again.Config);
    }

    /// <summary>Found by the round-trip property: whole milliseconds past 2^53 ticks came back a few ticks off.</summary>
    [Theory]
    [InlineData(825_536_389_516_119L)]
    [InlineData(922_337_203_685_477L)]
    [InlineData(-922_337_203_685_477L)]
    [InlineData(9_007_199_254_741L)]
    public void Whole_millisecond_timeouts_beyond_double_precision_round_trip_exactly(long milliseconds)
    {
        var timeout = TimeSpan.FromTicks(milliseconds * TimeSpan.TicksPerMillisecond);
        var config = new HotReloadProxy.Configuration.Model.ProxyConfig
        {
            Routes = new([new HotReloadProxy.Configuration.Model.RouteConfig { Id = "a", Match = new() { Path = "/" }, Cluster = "c", Timeout = timeout }]),
        };

        var again = ConfigParser.Parse(ConfigJsonWriter.ToUtf8(config));

        Assert.True(again.Succeeded, string.Join(" | ", again.Errors.Select(e => e.Format("f"))));
        Assert.Equal(timeout, again.Config.Routes[0].Timeout);
    }
}
