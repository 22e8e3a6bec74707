using HotReload.Testing.Observing;
using System.Text;
using System.Text.Json;
using HotReloadProxy.Testing.Configs;
using HotReload.Testing.Files;
using HotReloadProxy.Testing.Proxies;
using HotReloadProxy.Configuration.Model;
using HotReloadProxy.Reload;

namespace HotReload.Functional.Tests.Support;

/// <summary>One test's config directory (<c>--config-dir</c>) and the proxy reading it.</summary>
internal sealed class FragmentDirectory : IAsyncDisposable
{
    private readonly TempDirectory _temp = new("confd");

    private FragmentDirectory()
    {
        Path = System.IO.Directory.CreateDirectory(_temp.File("conf.d")).FullName;
    }

    public string Path { get; }

    public KestrelProxy Proxy { get; private set; } = null!;

    public static async Task<FragmentDirectory> StartAsync(IReadOnlyDictionary<string, string> files, IReadOnlyDictionary<string, string>? settings = null)
    {
        var directory = new FragmentDirectory();
        foreach (var (name, content) in files)
        {
            await directory.WriteAsync(name, content);
        }

        var extra = new Dictionary<string, string>(settings ?? new Dictionary<string, string>()) { ["config-dir"] = directory.Path };
        directory.Proxy = await KestrelProxy.StartAsync(new ProxySettings { ConfigPath = null, Extra = extra });
        return directory;
    }

    /// <summary>A fragment with these routes and clusters.</summary>
    public static string Fragment(IEnumerable<RouteConfig>? routes = null, IEnumerable<KeyValuePair<string, ClusterConfig>>? clusters = null) =>
        new ProxyConfig
        {
            Routes = new ValueList<RouteConfig>(routes ?? []),
            Clusters = new ValueMap<ClusterConfig>(clusters ?? [], StringComparer.Ordinal),
        }.ToJson();

    /// <summary>A fragment answering <paramref name="path"/> with <paramref name="body"/> (route id <paramref name="id"/>).</summary>
    public static string Respond(string id, string path, string body) => Fragment([TestConfigs.RespondRoute(id, path, body)]);

    /// <summary>Writes the way safe-save editors do: a hidden temp file, renamed over the target.</summary>
    public async Task WriteAsync(string name, string content)
    {
        var temp = System.IO.Path.Combine(Path, $".{name}.{Guid.NewGuid():N}.tmp");
        await File.WriteAllTextAsync(temp, content, new UTF8Encoding(false));
        File.Move(temp, System.IO.Path.Combine(Path, name), overwrite: true);
    }

    public async Task<ReloadOutcome> WriteAndWaitAsync(string name, string content, Func<ReloadEvents, ReloadMark, Task<ReloadOutcome>> outcome)
    {
        var mark = Proxy.Events.Mark();
        await WriteAsync(name, content);
        return await outcome(Proxy.Events, mark);
    }

    public void Delete(string name) => File.Delete(System.IO.Path.Combine(Path, name));

    public async Task<string> GetAsync(string path)
    {
        using var client = Proxy.CreateClient();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
    }

    /// <summary>The "directory" section of /status.</summary>
    public async Task<JsonElement> StatusAsync()
    {
        using var client = Proxy.CreateAdminClient();
        using var document = JsonDocument.Parse(await client.GetStringAsync(new Uri("/status", UriKind.Relative)));
        return document.RootElement.GetProperty("directory").Clone();
    }

    public async Task<JsonElement> FileStatusAsync(string name)
    {
        var status = await StatusAsync();
        return status.GetProperty("files").EnumerateArray().Single(f => f.GetProperty("name").GetString() == name);
    }

    public async ValueTask DisposeAsync()
    {
        if (Proxy is not null)
        {
            await Proxy.DisposeAsync();
        }

        _temp.Dispose();
    }
}
