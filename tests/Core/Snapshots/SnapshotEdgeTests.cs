using System.Net;
using System.Reflection;
using HotReloadProxy.Configuration.Model;
using HotReloadProxy.Configuration.Parsing;
using HotReloadProxy.Configuration.Validation;
using HotReloadProxy.Forwarding;
using HotReloadProxy.Snapshots;
using HotReloadProxy.Testing.Configs;

namespace HotReload.Core.Tests.Snapshots;

/// <summary>Edges of snapshot ownership the mutation run found unchecked.</summary>
public sealed class SnapshotEdgeTests
{
    private static readonly SnapshotCompiler Compiler = new(new SocketsInvokerFactory(), new ForwardingOptions());

    private static ConfigSnapshot Compile(long generation, ConfigSnapshot? previous = null)
    {
        var config = TestConfigs.Versioned("v", [TestConfigs.ForwardRoute("api", "/api", "backend")],
            [new("backend", TestConfigs.Cluster(new Uri("http://127.0.0.1:5001")))]);
        return Compiler.Compile(new ConfigValidator().Validate(config, SourceMap.Empty).Valid!, generation, "sha", DateTimeOffset.UnixEpoch, "test", previous);
    }

    [Fact]
    [Requirement("CM-04", "CM-05", "AR-01")]
    public void A_reader_that_loses_the_race_with_retirement_does_not_release_the_shared_invoker_a_second_time()
    {
        var holder = new SnapshotHolder();
        var first = Compile(1);
        holder.Swap(first);
        var second = Compile(2, first);
        holder.Swap(second);
        Assert.True(first.IsReleased);

        Assert.False(first.TryAcquire());

        Assert.False(second.Clusters["backend"].Invoker.IsDisposed, "the invoker second still uses was released twice by first");
    }

    [Fact]
    [Requirement("CM-04")]
    public void Reusing_a_disposed_invoker_fails_loudly_and_compiling_needs_a_valid_config()
    {
        var invoker = new SharedInvoker(new HttpMessageInvoker(new SocketsHttpHandler()));
        invoker.Release();

        var failure = Assert.Throws<InvalidOperationException>(() => invoker.AddReference());
        Assert.Equal("An invoker was reused after it was disposed.", failure.Message);
        Assert.Throws<ArgumentNullException>(() => Compiler.Compile(null!, 1, "sha", DateTimeOffset.UnixEpoch, "test", null));
    }

    [Fact]
    [Requirement("PX-01")]
    public void A_cluster_invoker_forwards_as_YARP_recommends_no_proxy_redirects_cookies_or_decompression()
    {
        using var invoker = new SocketsInvokerFactory().Create("c", new ClusterConfig());

        // The handler is not exposed by HttpMessageInvoker; its settings are the point of this factory.
        var handler = Assert.IsType<SocketsHttpHandler>(typeof(HttpMessageInvoker).GetField("_handler", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(invoker));
        Assert.False(handler.UseProxy);
        Assert.False(handler.AllowAutoRedirect);
        Assert.Equal(DecompressionMethods.None, handler.AutomaticDecompression);
        Assert.False(handler.UseCookies);
        Assert.True(handler.EnableMultipleHttp2Connections);
        Assert.Equal(TimeSpan.FromSeconds(15), handler.ConnectTimeout);
        Assert.Null(handler.ActivityHeadersPropagator);
    }
}
