using System.Net.WebSockets;
using System.Text;
using HotReloadProxy.Configuration.Model;
using HotReloadProxy.Testing.Configs;

namespace HotReload.Functional.Tests.Drain;

/// <summary>Configs and client steps the drain tests share.</summary>
internal static class DrainSteps
{
    private static readonly TimeSpan Generous = DrainRig.Generous;

    /// <summary>
    /// The version route changes with every version; <c>keep</c> never changes; <c>doomed</c> is there only when asked;
    /// <c>moved</c> (with <paramref name="moving"/>) keeps its definition while its cluster's destination moves.
    /// </summary>
    public static ProxyConfig Config(string version, Uri upstream, bool doomed, Uri? moving = null)
    {
        var routes = new List<RouteConfig> { TestConfigs.ForwardRoute("keep", "/keep/{**rest}", "steady") };
        var clusters = new List<KeyValuePair<string, ClusterConfig>> { new("steady", TestConfigs.Cluster(upstream)) };
        if (doomed)
        {
            routes.Add(TestConfigs.ForwardRoute("doomed", "/doomed/{**rest}", "steady"));
        }

        if (moving is not null)
        {
            routes.Add(TestConfigs.ForwardRoute("moved", "/moved/{**rest}", "moving"));
            clusters.Add(new("moving", TestConfigs.Cluster(moving)));
        }

        return TestConfigs.Versioned(version, routes, clusters);
    }

    public static async Task<HeldStream> HeldStreamAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(new Uri($"{path}?chunks=3&delayMs=1&hold=1", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead).WaitAsync(Generous);
        var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        Assert.Equal("chunk 0", await reader.ReadLineAsync().WaitAsync(Generous));
        return new HeldStream(response, reader);
    }

    public static async Task AssertCutAsync(HeldStream stream, string what)
    {
        var rest = stream.Reader.ReadToEndAsync();
        var error = await Record.ExceptionAsync(() => rest.WaitAsync(Generous));
        Assert.True(error is IOException or HttpRequestException, $"{what} was not cut at the bound: {(error is null ? $"it read '{rest.Result}' to its end" : error.ToString())}");
    }

    public static async Task<string> EchoAsync(WebSocket socket, string message)
    {
        await socket.SendAsync(Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None).WaitAsync(Generous);
        var buffer = new byte[1024];
        var received = await socket.ReceiveAsync(buffer, CancellationToken.None).WaitAsync(Generous);
        return Encoding.UTF8.GetString(buffer, 0, received.Count);
    }

    public static string? State(Microsoft.Extensions.Logging.Testing.FakeLogRecord record, string key) =>
        record.StructuredState!.Single(p => p.Key == key).Value;

    public sealed record HeldStream(HttpResponseMessage Response, StreamReader Reader) : IDisposable
    {
        public void Dispose()
        {
            Reader.Dispose();
            Response.Dispose();
        }
    }
}
