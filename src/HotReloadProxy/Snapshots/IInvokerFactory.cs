using System.Net;
using HotReloadProxy.Configuration.Model;

namespace HotReloadProxy.Snapshots;

/// <summary>Creates a cluster's invoker; a seam so tests can count creations and disposals.</summary>
internal interface IInvokerFactory
{
    HttpMessageInvoker Create(string clusterName, ClusterConfig cluster);
}

/// <summary>The settings YARP recommends for a forwarding client: no proxy, redirects, cookies or decompression.</summary>
internal sealed class SocketsInvokerFactory : IInvokerFactory
{
    public HttpMessageInvoker Create(string clusterName, ClusterConfig cluster) =>
        new(new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            EnableMultipleHttp2Connections = true,
            ConnectTimeout = TimeSpan.FromSeconds(15),
            ActivityHeadersPropagator = null,
        }, disposeHandler: true);
}
