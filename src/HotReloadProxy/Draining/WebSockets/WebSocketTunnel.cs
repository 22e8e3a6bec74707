using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace HotReloadProxy.Draining.WebSockets;

/// <summary>
/// Stands in for a WebSocket request's upgrade feature (HTTP/1.1 Upgrade, or HTTP/2 extended CONNECT), so the
/// stream the forwarder tunnels through is a <see cref="GoingAwayStream"/> the drain bound can close with 1001.
/// The forwarder takes the client stream from whichever of the two features the request uses.
/// </summary>
internal sealed class WebSocketTunnel : IHttpUpgradeFeature, IHttpExtendedConnectFeature
{
    private const string WebSocketProtocol = "websocket";

    private readonly IHttpUpgradeFeature? _upgrade;
    private readonly IHttpExtendedConnectFeature? _connect;
    private readonly byte[] _closeFrame;
    private GoingAwayStream? _stream;

    private WebSocketTunnel(IHttpUpgradeFeature? upgrade, IHttpExtendedConnectFeature? connect, byte[] closeFrame)
    {
        _upgrade = upgrade;
        _connect = connect;
        _closeFrame = closeFrame;
    }

    /// <summary>The client stream once the upgrade was accepted; null before.</summary>
    public GoingAwayStream? Stream => Volatile.Read(ref _stream);

    bool IHttpUpgradeFeature.IsUpgradableRequest => _upgrade?.IsUpgradableRequest ?? false;

    bool IHttpExtendedConnectFeature.IsExtendedConnect => _connect?.IsExtendedConnect ?? false;

    string? IHttpExtendedConnectFeature.Protocol => _connect?.Protocol;

    /// <summary>Takes the place of the request's upgrade feature when the request asks for a WebSocket; null (nothing changed) otherwise.</summary>
    public static WebSocketTunnel? Install(HttpContext context, byte[] closeFrame)
    {
        ArgumentNullException.ThrowIfNull(context);
        var features = context.Features;
        if (features.Get<IHttpExtendedConnectFeature>() is { IsExtendedConnect: true } connect)
        {
            if (!string.Equals(connect.Protocol, WebSocketProtocol, StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            var tunnel = new WebSocketTunnel(upgrade: null, connect, closeFrame);
            features.Set<IHttpExtendedConnectFeature>(tunnel);
            return tunnel;
        }

        if (features.Get<IHttpUpgradeFeature>() is { IsUpgradableRequest: true } upgrade
            && context.Request.Headers.Upgrade.ToString().Contains(WebSocketProtocol, StringComparison.OrdinalIgnoreCase))
        {
            var tunnel = new WebSocketTunnel(upgrade, connect: null, closeFrame);
            features.Set<IHttpUpgradeFeature>(tunnel);
            return tunnel;
        }

        return null;
    }

    async Task<Stream> IHttpUpgradeFeature.UpgradeAsync() => Wrap(await _upgrade!.UpgradeAsync().ConfigureAwait(false));

    async ValueTask<Stream> IHttpExtendedConnectFeature.AcceptAsync() => Wrap(await _connect!.AcceptAsync().ConfigureAwait(false));

    private GoingAwayStream Wrap(Stream client)
    {
        var stream = new GoingAwayStream(client, _closeFrame);
        Volatile.Write(ref _stream, stream);
        return stream;
    }
}
