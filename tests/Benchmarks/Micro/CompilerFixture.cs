using HotReloadProxy.Configuration.Model;
using HotReloadProxy.Configuration.Parsing;
using HotReloadProxy.Configuration.Validation;
using HotReloadProxy.Forwarding;
using HotReloadProxy.Snapshots;

namespace HotReload.Benchmarks.Micro;

/// <summary>The proxy's real snapshot compiler, with the real invoker factory, as the reload engine builds it.</summary>
internal static class CompilerFixture
{
    /// <summary>Nothing is sent in the micro-benchmarks; the address only has to be well-formed.</summary>
    public static readonly Uri Upstream = new("http://127.0.0.1:9");

    public static SnapshotCompiler Create() => new(new SocketsInvokerFactory(), new ForwardingOptions());

    /// <summary>The compiler takes only what the validator accepted (with the templates and hosts it parsed).</summary>
    public static ValidConfig Validate(ProxyConfig config)
    {
        var validation = new ConfigValidator().Validate(config, SourceMap.Empty);
        return validation.Valid ?? throw new InvalidOperationException("The benchmark config is invalid: " + string.Join("; ", validation.Errors.Select(e => e.Message)));
    }
}
