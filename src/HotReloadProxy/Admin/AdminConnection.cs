using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;

namespace HotReloadProxy.Admin;

/// <summary>
/// Marks connections accepted on the admin listener. The mark is set by the server on the connection, not
/// taken from anything the client sends, so a public client cannot reach the admin endpoints.
/// </summary>
internal static class AdminConnection
{
    public const string MarkerKey = "HotReloadProxy.AdminListener";

    /// <summary>Connection middleware for the admin endpoint's ListenOptions.</summary>
    public static ConnectionDelegate Mark(ConnectionDelegate next) => connection =>
    {
        connection.Items[MarkerKey] = true;
        return next(connection);
    };

    public static bool IsAdmin(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Features.Get<IConnectionItemsFeature>()?.Items.ContainsKey(MarkerKey) == true;
    }
}
