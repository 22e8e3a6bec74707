using HotReloadProxy.Hosting;
using Microsoft.Extensions.Configuration;

namespace HotReload.Functional.Tests.Hosting;

/// <summary>--etcd-keepalive: how long an etcd connection may be silent before a ping asks whether etcd is still there.</summary>
public sealed class EtcdKeepAliveOptionTests
{
    private static ProxyOptions From(params (string Name, string Value)[] settings) =>
        ProxyOptions.From(new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Name, (string?)s.Value))).Build());

    [Fact]
    [Requirement("ET-13")]
    public void The_keepalive_defaults_to_10_seconds_and_takes_the_given_milliseconds()
    {
        Assert.Equal(TimeSpan.FromSeconds(10), From().EtcdKeepAlive);
        Assert.Equal(TimeSpan.FromMilliseconds(2000), From(("etcd-keepalive", "2000")).EtcdKeepAlive);
    }

    [Theory]
    [Requirement("ET-13")]
    [InlineData("1999")]
    [InlineData("0")]
    public void A_keepalive_under_two_seconds_is_refused_with_the_floor_named(string value)
    {
        // The HTTP client takes no ping delay or ping timeout under 1 s (the timeout is half the delay); refused
        // here, a short value fails at startup with a message instead of at the first connection.
        var error = Assert.Throws<ProxyOptionsException>(() => From(("etcd-keepalive", value)));

        Assert.Contains("--etcd-keepalive must be at least 2000 milliseconds", error.Message, StringComparison.Ordinal);
    }
}
