using HotReloadProxy.Observability;

namespace HotReload.Functional.Tests.Observability;

[Requirement("LG-04")]
public sealed class SecretRedactorTests
{
    [Theory]
    [InlineData("Authorization")]
    [InlineData("authorization")]
    [InlineData("Proxy-Authorization")]
    [InlineData("Cookie")]
    [InlineData("Set-Cookie")]
    [InlineData("X-Api-Key")]
    [InlineData("X-Auth-Token")]
    [InlineData("client_secret")]
    [InlineData("X-Password")]
    [InlineData("X-Amz-Signature")]
    public void Secret_looking_headers_are_redacted(string name)
    {
        Assert.True(SecretRedactor.LooksSecret(name));
        Assert.Equal("***", SecretRedactor.Redact(name, "Bearer abc.def"));
        Assert.Equal(SecretRedactor.Redacted, SecretRedactor.Redact(name, ""));
    }

    [Theory]
    [InlineData("Accept")]
    [InlineData("X-Config-Version")]
    [InlineData("Content-Type")]
    [InlineData("User-Agent")]
    [InlineData("X-Request-Id")]
    public void Ordinary_headers_are_kept(string name)
    {
        Assert.False(SecretRedactor.LooksSecret(name));
        Assert.Equal("text/html; v=2", SecretRedactor.Redact(name, "text/html; v=2"));
    }
}
