using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using HotReload.Conformance.Targets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace HotReload.Conformance.Tests.Support;

/// <summary>
/// A tiny real reverse proxy on a real socket, reloading a real file by polling it, with one deliberate
/// <see cref="Fault"/>. Config: <c>{"version":"7","upstream":"http://127.0.0.1:port"}</c>. It answers
/// <c>/echo/…</c> by forwarding to the upstream with the version as a request header and a response header,
/// and <c>/__status</c> with its generation and attempt count.
/// </summary>
internal sealed partial class FaultyTarget : IRunningTarget
{
    /// <summary>How long a fault that lags behind a swap keeps lagging: long enough for many requests to see it.</summary>
    private static readonly TimeSpan LagWindow = TimeSpan.FromMilliseconds(400);

    private readonly Fault _fault;
    private readonly string _configPath;
    private readonly WebApplication _app;
    private readonly HttpClient _upstream = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _poller;
    private Snapshot? _current;
    private Snapshot? _previous;
    private DateTime _swappedAt = DateTime.MinValue;
    private long _generation;
    private long _attempts;

    private FaultyTarget(Fault fault, string configPath, WebApplication app)
    {
        _fault = fault;
        _configPath = configPath;
        _app = app;
        Load(File.ReadAllText(configPath));
        app.Run(HandleAsync);
        _poller = Task.Run(PollAsync);
    }

    public int? ProcessId => null;

    public static async Task<FaultyTarget> StartAsync(Fault fault, TargetStart start)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, start.ListenPort));
        var target = new FaultyTarget(fault, start.ConfigPath, builder.Build());
        await target._app.StartAsync();
        return target;
    }

    public string OutputTail() => $"faulty target ({_fault}), generation {Volatile.Read(ref _generation)}";

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _poller;
        await _app.StopAsync();
        await _app.DisposeAsync();
        _upstream.Dispose();
        _stop.Dispose();
    }

    private async Task PollAsync()
    {
        string? seen = File.ReadAllText(_configPath);
        var wasMissing = false;
        while (!_stop.IsCancellationRequested)
        {
            await Task.Delay(10).ConfigureAwait(false);
            if (wasMissing && _fault == Fault.StopsWatchingAfterDelete)
            {
                return;
            }

            string? text;
            try
            {
                text = File.ReadAllText(_configPath);
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or IOException)
            {
                text = null;
            }

            if (text == seen)
            {
                continue;
            }

            seen = text;
            Interlocked.Increment(ref _attempts);
            wasMissing = text is null;
            if (text is null)
            {
                if (_fault == Fault.DropsRoutesWhileDeleted)
                {
                    Volatile.Write(ref _current, null);
                }

                continue;
            }

            if (_fault == Fault.SwapsBeforeValidating && VersionPattern().Match(text) is { Success: true } named && !TryParse(text, out _))
            {
                // Swap first, validate after: for a moment the broken file's version is served.
                var good = _current;
                Swap(new Snapshot(named.Groups[1].Value, good?.Upstream ?? ""));
                await Task.Delay(LagWindow).ConfigureAwait(false);
                Swap(good!);
                continue;
            }

            Load(text);
        }
    }

    private void Load(string text)
    {
        if (TryParse(text, out var snapshot) && snapshot != _current)
        {
            Swap(snapshot);
        }
        else if (_fault == Fault.DropsRoutesWhileDeleted && _current is null && snapshot is not null)
        {
            Swap(snapshot);
        }
    }

    private void Swap(Snapshot next)
    {
        _previous = _current;
        _swappedAt = DateTime.UtcNow;
        Volatile.Write(ref _current, next);
        Interlocked.Increment(ref _generation);
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (context.Request.Path == "/__status")
        {
            await context.Response.WriteAsJsonAsync(new { generation = Volatile.Read(ref _generation), attempts = Volatile.Read(ref _attempts) });
            return;
        }

        var lagging = DateTime.UtcNow - _swappedAt < LagWindow && _previous is not null;
        var snapshot = _fault == Fault.ServesOldAfterAcknowledging && lagging ? _previous : Volatile.Read(ref _current);
        if (snapshot is null || !context.Request.Path.StartsWithSegments("/echo", StringComparison.Ordinal))
        {
            context.Response.StatusCode = 404;
            return;
        }

        var forwardedVersion = _fault == Fault.MixesTwoVersions && lagging ? _previous!.Version : snapshot.Version;
        using var request = new HttpRequestMessage(HttpMethod.Get, snapshot.Upstream + context.Request.Path + context.Request.QueryString);
        request.Headers.Add("X-Config-Version", forwardedVersion);
        using var response = await _upstream.SendAsync(request, context.RequestAborted);
        context.Response.StatusCode = (int)response.StatusCode;
        context.Response.Headers["X-Config-Version"] = snapshot.Version;
        context.Response.ContentType = response.Content.Headers.ContentType?.ToString();
        await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
    }

    private static bool TryParse(string text, out Snapshot snapshot)
    {
        snapshot = null!;
        try
        {
            var config = JsonSerializer.Deserialize<Snapshot>(text, JsonSerializerOptions.Web);
            if (config is { Version.Length: > 0, Upstream.Length: > 0 })
            {
                snapshot = config;
                return true;
            }
        }
        catch (JsonException)
        {
        }

        return false;
    }

    [GeneratedRegex("\"version\"\\s*:\\s*\"(\\d+)\"")]
    private static partial Regex VersionPattern();

    private sealed record Snapshot(string Version, string Upstream);
}
