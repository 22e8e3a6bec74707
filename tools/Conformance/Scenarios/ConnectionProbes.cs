using System.Net.WebSockets;
using System.Text;
using HotReload.Conformance.Checking;
using HotReload.Conformance.Probing;

namespace HotReload.Conformance.Scenarios;

/// <summary>Long-lived connections held open across a reload: a streamed response, a WebSocket, a request on a route that goes away.</summary>
internal static class ConnectionProbes
{
    /// <summary>A stream of <paramref name="chunks"/> lines must arrive whole although a reload happens after the first line.</summary>
    public static async Task StreamAcrossReloadAsync(ScenarioContext context, int chunks, int delayMs)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var url = new Uri(context.BaseAddress, $"{context.Requests.StreamPath}?chunks={chunks}&delayMs={delayMs}");
        var started = Clock.Now();
        var lines = 0;
        try
        {
            using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, context.CancellationToken);
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(context.CancellationToken));
            if (await reader.ReadLineAsync(context.CancellationToken) is null)
            {
                context.Findings.Add((Rules.StreamBroken, started, $"the stream answered {(int)response.StatusCode} with no line"));
                return;
            }

            lines = 1;
            await context.ValidAsync(c => new HotReload.Testing.Files.FileEdit.AtomicReplace(c), "reload during stream");
            while (await reader.ReadLineAsync(context.CancellationToken) is { } line)
            {
                if (line != $"chunk {lines}")
                {
                    context.Findings.Add((Rules.StreamBroken, Clock.Now(), $"line {lines} was '{line}', expected 'chunk {lines}'"));
                    return;
                }

                lines++;
            }
        }
        catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException)
        {
            context.Findings.Add((Rules.StreamBroken, Clock.Now(), $"the stream broke after {lines} of {chunks} lines: {e.GetType().Name}: {e.Message}"));
            return;
        }

        if (lines != chunks)
        {
            context.Findings.Add((Rules.StreamBroken, Clock.Now(), $"the stream ended after {lines} of {chunks} lines"));
        }
    }

    /// <summary>A WebSocket on a route the reload does not change must keep echoing across it.</summary>
    public static async Task WebSocketAcrossReloadAsync(ScenarioContext context, int messagesAfter)
    {
        var url = new UriBuilder(new Uri(context.BaseAddress, context.Requests.WebSocketPath)) { Scheme = "ws" }.Uri;
        using var socket = new ClientWebSocket();
        var sent = 0;
        try
        {
            await socket.ConnectAsync(url, context.CancellationToken);
            await EchoOnceAsync(socket, sent++, context.CancellationToken);
            await context.ValidAsync(c => new HotReload.Testing.Files.FileEdit.AtomicReplace(c), "reload with WebSocket open");

            // The reload has been acknowledged and served; a proxy that closes sockets on reload has done so by now or does so mid-way here.
            for (var i = 0; i < messagesAfter; i++)
            {
                await EchoOnceAsync(socket, sent++, context.CancellationToken);
                await context.Recorder.WaitForRequestsAsync(context.Clients, TimeSpan.FromSeconds(5), context.CancellationToken);
            }

            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", context.CancellationToken);
        }
        catch (Exception e) when (e is WebSocketException or IOException or InvalidDataException or OperationCanceledException)
        {
            context.Findings.Add((Rules.WebSocketBroken, Clock.Now(),
                $"the WebSocket failed at message {sent - 1} (state {socket.State}, close {socket.CloseStatus?.ToString() ?? "-"} {socket.CloseStatusDescription}): {e.GetType().Name}: {e.Message}"));
        }
    }

    /// <summary>
    /// A request on a route the reload removes must end within the target's drain bound (completed or cut off),
    /// not live on with the old config. Without a stated bound the scenario only measures.
    /// </summary>
    public static async Task RemovedRouteDrainAsync(ScenarioContext context, int streamMs)
    {
        const int delayMs = 100;
        var chunks = Math.Max(2, streamMs / delayMs);
        using var client = new HttpClient { Timeout = TimeSpan.FromMilliseconds(streamMs + 30_000) };
        var url = new Uri(context.BaseAddress, $"{context.Requests.DrainPath}?chunks={chunks}&delayMs={delayMs}");
        using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, context.CancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            context.Findings.Add((Rules.Failed, Clock.Now(), $"the drain route answered {(int)response.StatusCode} before it was removed; check the template's {{{{#drainRoute}}}} block"));
            return;
        }

        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(context.CancellationToken));
        await reader.ReadLineAsync(context.CancellationToken);
        context.DrainRoute = false;
        var removedAt = Clock.Now();
        await context.ValidAsync(c => new HotReload.Testing.Files.FileEdit.AtomicReplace(c), "route removed");
        var lines = 1;
        var how = "completed";
        try
        {
            while (await reader.ReadLineAsync(context.CancellationToken) is not null)
            {
                lines++;
            }
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            how = $"was cut off ({e.GetType().Name})";
        }

        var lasted = Clock.Milliseconds(Clock.Now() - removedAt);
        var summary = $"the connection on the removed route {how} {lasted:0} ms after the write ({lines} of {chunks} lines)";
        if (context.DrainBoundMs is { } bound)
        {
            // Slack for the reload itself to apply: the bound counts from the swap, which follows the write.
            var limit = bound + 1000;
            if (lasted > limit)
            {
                context.Findings.Add((Rules.DrainExceeded, Clock.Now(), $"{summary}; the target states a drain bound of {bound} ms (+1000 ms for the reload)"));
                return;
            }
        }
        else
        {
            summary += "; the target states no drain bound, so this is only measured";
        }

        context.Notes.Add(summary);
    }

    private static async Task EchoOnceAsync(ClientWebSocket socket, int index, CancellationToken cancellationToken)
    {
        var message = Encoding.UTF8.GetBytes($"message {index}");
        await socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        var buffer = new byte[256];
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        var received = await socket.ReceiveAsync(buffer, timeout.Token);
        if (received.MessageType == WebSocketMessageType.Close)
        {
            throw new WebSocketException($"closed by the proxy instead of echoing message {index}");
        }

        var text = Encoding.UTF8.GetString(buffer, 0, received.Count);
        if (text != $"message {index}")
        {
            throw new InvalidDataException($"echo was '{text}', expected 'message {index}'");
        }
    }
}
