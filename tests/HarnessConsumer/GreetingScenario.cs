using System.Globalization;
using System.Text.Json;
using HotReload.HarnessConsumer.Tests.Observing;
using HotReload.HarnessConsumer.Tests.Service;
using HotReload.Testing.Files;
using HotReload.Testing.Load;

namespace HotReload.HarnessConsumer.Tests;

/// <summary>One test's directory, greeting file, editor, service and observer, torn down together.</summary>
internal sealed class GreetingScenario : IAsyncDisposable
{
    private GreetingScenario(TempDirectory directory, ConfigFileEditor editor, LogLineReloadObserver reloads, GreetingService service)
    {
        Directory = directory;
        Editor = editor;
        Reloads = reloads;
        Service = service;
    }

    public TempDirectory Directory { get; }

    public ConfigFileEditor Editor { get; }

    public LogLineReloadObserver Reloads { get; }

    public GreetingService Service { get; }

    /// <summary>Reads a greeting response: generation and version from the headers, the other copy of the version from the body.</summary>
    public static ServedVersion ReadServed(HttpResponseMessage response, string body)
    {
        var generation = long.TryParse(ServedVersionReaders.Header(response, GreetingService.GenerationHeader), CultureInfo.InvariantCulture, out var g) ? g : (long?)null;
        using var json = JsonDocument.Parse(body);
        var bodyVersion = json.RootElement.TryGetProperty("version", out var v) ? v.GetString() : null;
        return new ServedVersion(generation, ServedVersionReaders.Header(response, GreetingService.VersionHeader), bodyVersion);
    }

    public static string Json(string version, string text = "hello") => new Greeting(version, text).ToJson();

    public static async Task<GreetingScenario> StartAsync(BadFileHandling badFiles = BadFileHandling.KeepLastGood)
    {
        var directory = new TempDirectory("greeting");
        var editor = ConfigFileEditor.For(directory.NestedFile("greeting.json"), Json("v1"));
        var reloads = new LogLineReloadObserver();
        var service = await GreetingService.StartAsync(editor.Path, reloads.OnLogLine, badFiles);
        return new GreetingScenario(directory, editor, reloads, service);
    }

    public HttpClient CreateClient() => new(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = Service.Address };

    public async Task<string?> ServedVersionAsync()
    {
        using var client = CreateClient();
        using var response = await client.GetAsync("/greeting");
        return ReadServed(response, await response.Content.ReadAsStringAsync()).HeaderVersion;
    }

    public async ValueTask DisposeAsync()
    {
        await Service.DisposeAsync();
        Directory.Dispose();
    }
}
