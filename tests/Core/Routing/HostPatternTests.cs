using HotReloadProxy.Routing;

namespace HotReload.Core.Tests.Routing;

/// <summary>Host constraints: which texts are patterns, and which request hosts and ports each one accepts.</summary>
[Requirement("PX-03")]
public sealed class HostPatternTests
{
    private static HostPattern Pattern(string text)
    {
        Assert.True(HostPattern.TryParse(text, out var pattern), text);
        return pattern!;
    }

    [Theory]
    [Requirement("CV-08")]
    [InlineData("example.com")]
    [InlineData("*.example.com")]
    [InlineData("localhost:8080")]
    [InlineData("localhost:1")]
    [InlineData("localhost:65535")]
    [InlineData("*.example.com:443")]
    [InlineData("[::1]")]
    [InlineData("[::1]:8080")]
    [InlineData("my-host.internal")]
    public void Names_wildcards_ports_and_bracketed_ipv6_literals_are_patterns(string text)
    {
        Assert.True(HostPattern.TryParse(text, out var pattern), text);
        Assert.NotNull(pattern);
    }

    [Theory]
    [Requirement("CV-08")]
    [InlineData("")]
    [InlineData("*.")]
    [InlineData("*")]
    [InlineData("*.*.example.com")]
    [InlineData("a*b.example.com")]
    [InlineData("exa_mple.com")]
    [InlineData("ex ample.com")]
    [InlineData("localhost:0")]
    [InlineData("localhost:65536")]
    [InlineData("localhost:http")]
    [InlineData("localhost:")]
    [InlineData(":8080")]
    [InlineData("::1")]
    [InlineData("fe80::1")]
    [InlineData("x:y]")]
    [InlineData("[::1")]
    public void Empty_names_stray_wildcards_bad_characters_and_bad_ports_are_not_patterns(string text)
    {
        Assert.False(HostPattern.TryParse(text, out var pattern), text);
        Assert.Null(pattern);
    }

    [Theory]
    [InlineData("example.com", true)]
    [InlineData("EXAMPLE.com", true)]
    [InlineData("www.example.com", false)]
    [InlineData("example.co", false)]
    [InlineData("example.comm", false)]
    public void A_plain_name_matches_exactly_that_host_ignoring_case_on_any_port(string host, bool matches)
    {
        var pattern = Pattern("example.com");

        Assert.Equal(matches, pattern.Matches(host, 80));
        Assert.Equal(matches, pattern.Matches(host, null));
        Assert.Equal(matches, pattern.Matches(host, 8443));
    }

    [Theory]
    [InlineData("a.example.com", true)]
    [InlineData("A.EXAMPLE.COM", true)]
    [InlineData("a.b.example.com", true)]
    [InlineData("example.com", false)]
    [InlineData(".example.com", false)]
    [InlineData("aexample.com", false)]
    [InlineData("a.example.org", false)]
    public void A_wildcard_matches_any_subdomain_but_not_the_bare_domain(string host, bool matches)
    {
        Assert.Equal(matches, Pattern("*.example.com").Matches(host, 443));
    }

    [Theory]
    [InlineData(8080, true)]
    [InlineData(80, false)]
    [InlineData(null, false)]
    public void A_pattern_with_a_port_matches_only_that_port(int? port, bool matches)
    {
        Assert.Equal(matches, Pattern("localhost:8080").Matches("localhost", port));
        Assert.Equal(matches, Pattern("*.example.com:8080").Matches("a.example.com", port));
    }

    [Fact]
    public void A_bracketed_ipv6_literal_matches_that_literal_and_its_port()
    {
        Assert.True(Pattern("[::1]").Matches("[::1]", 5000));
        Assert.True(Pattern("[::1]:8080").Matches("[::1]", 8080));
        Assert.False(Pattern("[::1]:8080").Matches("[::1]", 8081));
    }
}
