using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HotReload.HarnessConsumer.Tests.Service;

/// <summary>
/// A tiny service that is not HotReload: it serves a greeting from a JSON file (<c>{"version": "v1", "text": "hello"}</c>)
/// on loopback and reloads the file when it changes. <c>GET /greeting</c> answers the greeting as JSON, with the
/// generation and version as headers; <c>GET /status</c> reports the generation serving. It writes one line per reload
/// to the log sink it is given: <c>reload applied generation=N version=V</c> or <c>reload rejected generation=N reason=R</c>.
/// </summary>
internal sealed class GreetingService : IAsyncDisposable
{
    public const string GenerationHeader = "X-Greeting-Generation";
    public const string VersionHeader = "X-Greeting-Version";

    private readonly WebApplication _app;
    private readonly string _path;
    private readonly BadFileHandling _badFiles;
    private readonly Action<string> _log;
    private readonly Channel<bool> _changes = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly CancellationTokenSource _stop = new();
    private FileSystemWatcher? _watcher;
    private Task _reloads = Task.CompletedTask;
    private Snapshot _current;
    private string _sha256 = "";

    private GreetingService(WebApplication app, string path, BadFileHandling badFiles, Action<string> log, Snapshot initial, string sha256)
    {
        _app = app;
        _path = path;
        _badFiles = badFiles;
        _log = log;
        _current = initial;
        _sha256 = sha256;
    }

    public Uri Address { get; private set; } = null!;

    public static async Task<GreetingService> StartAsync(string path, Action<string> log, BadFileHandling badFiles = BadFileHandling.KeepLastGood, CancellationToken cancellationToken = default)
    {
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        var initial = Parse(bytes) ?? throw new InvalidOperationException($"{path} does not hold a greeting.");
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var service = new GreetingService(app, Path.GetFullPath(path), badFiles, log, new Snapshot(1, initial), Hash(bytes));
        app.MapGet("/greeting", service.Greet);
        app.MapGet("/status", () => Results.Json(new { generation = service._current.Generation, version = service._current.Greeting?.Version }));
        await app.StartAsync(cancellationToken);
        service.Address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        service.Watch();
        return service;
    }

    public async ValueTask DisposeAsync()
    {
        _watcher?.Dispose();
        await _stop.CancelAsync();
        _changes.Writer.TryComplete();
        await _reloads;
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stop.Dispose();
    }

    private IResult Greet(HttpContext context)
    {
        // One snapshot per request: the headers and the body come from the same config.
        var snapshot = Volatile.Read(ref _current);
        context.Response.Headers[GenerationHeader] = snapshot.Generation.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (snapshot.Greeting is null)
        {
            return Results.Json(new { });
        }

        context.Response.Headers[VersionHeader] = snapshot.Greeting.Version;
        return Results.Json(snapshot.Greeting);
    }

    private void Watch()
    {
        _watcher = new FileSystemWatcher(Path.GetDirectoryName(_path)!)
        {
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
        };
        _watcher.Changed += (_, _) => _changes.Writer.TryWrite(true);
        _watcher.Created += (_, _) => _changes.Writer.TryWrite(true);
        _watcher.Renamed += (_, _) => _changes.Writer.TryWrite(true);
        _watcher.Deleted += (_, _) => _changes.Writer.TryWrite(true);
        _watcher.EnableRaisingEvents = true;
        _reloads = Task.Run(ReloadLoopAsync);
    }

    // One reader at a time; an event during a reload leaves one more pass queued, so the last write is always read.
    private async Task ReloadLoopAsync()
    {
        try
        {
            await foreach (var _ in _changes.Reader.ReadAllAsync(_stop.Token))
            {
                Reload();
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void Reload()
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(_path);
        }
        catch (IOException e)
        {
            Reject(e.GetType().Name);
            return;
        }
        catch (UnauthorizedAccessException e)
        {
            Reject(e.GetType().Name);
            return;
        }

        var sha256 = Hash(bytes);
        if (sha256 == _sha256)
        {
            return;
        }

        if (Parse(bytes) is not { } greeting)
        {
            Reject("invalid");
            return;
        }

        _sha256 = sha256;
        var next = new Snapshot(_current.Generation + 1, greeting);
        Volatile.Write(ref _current, next);
        _log($"reload applied generation={next.Generation} version={greeting.Version}");
    }

    private void Reject(string reason)
    {
        if (_badFiles == BadFileHandling.EmptyConfig)
        {
            // The bug this variant exists to show: a bad file replaces the config with nothing.
            _sha256 = "";
            Volatile.Write(ref _current, new Snapshot(_current.Generation + 1, null));
        }

        _log($"reload rejected generation={_current.Generation} reason={reason}");
    }

    private static Greeting? Parse(byte[] bytes)
    {
        try
        {
            var greeting = JsonSerializer.Deserialize<Greeting>(bytes, JsonOptions);
            return greeting is { Version.Length: > 0, Text.Length: > 0 } ? greeting : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Hash(byte[] bytes) => Convert.ToHexString(SHA256.HashData(bytes));

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private sealed record Snapshot(long Generation, Greeting? Greeting);
}

/// <summary>What the greeting file holds.</summary>
internal sealed record Greeting(string Version, string Text)
{
    public string ToJson() => JsonSerializer.Serialize(new { version = Version, text = Text });
}

/// <summary>What the service does with a file it cannot use.</summary>
internal enum BadFileHandling
{
    /// <summary>Keeps serving the last good greeting (correct).</summary>
    KeepLastGood,

    /// <summary>Serves no greeting at all until the next good file (the bug the harness must catch).</summary>
    EmptyConfig,
}
