using HotReload.Testing.Files;
using HotReload.Testing.Observing;
using HotReloadProxy.Configuration.Model;
using HotReloadProxy.Reload;
using HotReloadProxy.Testing.Configs;
using HotReloadProxy.Testing.Proxies;
using Microsoft.Extensions.DependencyInjection;

namespace HotReload.Functional.Tests.Support;

/// <summary>
/// The one fixture of a reload test: its own temp directory, its config file (under <c>conf/</c>) and editor,
/// and a proxy of any kind reading that file, torn down together (proxy first, then the directory).
/// </summary>
/// <typeparam name="TProxy">How the proxy is hosted; tests that need only <see cref="IProxyUnderTest"/> run against any.</typeparam>
internal sealed class ConfigScenario<TProxy> : IAsyncDisposable
    where TProxy : IProxyUnderTest
{
    private HttpClient? _client;
    private HttpClient? _admin;

    internal ConfigScenario(TempDirectory directory, ConfigFileEditor editor, TProxy proxy)
    {
        Directory = directory;
        Editor = editor;
        Proxy = proxy;
    }

    public TempDirectory Directory { get; }

    public ConfigFileEditor Editor { get; }

    public TProxy Proxy { get; }

    public string ConfigPath => Editor.Path;

    /// <summary>A client for the public listener, created on first use and disposed with the scenario.</summary>
    public HttpClient Client => _client ??= Proxy.CreateClient();

    /// <summary>A client for the admin listener, created on first use and disposed with the scenario.</summary>
    public HttpClient Admin => _admin ??= Proxy.CreateAdminClient();

    /// <summary>Rewrites the file in place and waits for nothing: for proxies without file triggers, whose test reloads itself.</summary>
    public void Write(string json) => File.WriteAllText(ConfigPath, json);

    /// <inheritdoc cref="Write(string)"/>
    public void Write(ProxyConfig config) => Write(config.ToJson());

    /// <summary>Applies the edit and waits for the outcome that follows it.</summary>
    public async Task<ReloadOutcome> EditAndWaitAsync(FileEdit edit, Func<IReloadObserver<ReloadOutcome>, ReloadMark, Task<ReloadOutcome>> outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var mark = Proxy.Events.Mark();
        await Editor.ApplyAsync(edit);
        return await outcome(Proxy.Events, mark);
    }

    public Task<ReloadOutcome> WriteAndWaitAppliedAsync(ProxyConfig config) =>
        EditAndWaitAsync(new FileEdit.AtomicReplace(config.ToJson()), (events, mark) => events.WaitForAppliedAsync(mark));

    public async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        _admin?.Dispose();
        await Proxy.DisposeAsync();
        Directory.Dispose();
    }
}

/// <summary>The three ways a proxy under test is hosted.</summary>
public enum ProxyKind
{
    InMemory,
    Kestrel,
    Process,
}

/// <summary>Starts a <see cref="ConfigScenario{TProxy}"/> with the proxy hosted one of the three ways.</summary>
internal static class ConfigScenario
{
    /// <summary>Settings for a proxy that only the test reloads (POST /reload, the scheduler, a signal): no file triggers.</summary>
    public static Func<ProxySettings, ProxySettings> NoFileTriggers { get; } = s => s with { FileTriggers = false };

    public static Task<ConfigScenario<InMemoryProxy>> InMemoryAsync(ProxyConfig initial, Func<ProxySettings, ProxySettings>? settings = null, bool configMap = false, Action<IServiceCollection>? services = null) =>
        InMemoryAsync(initial.ToJson(), settings, configMap, services);

    public static Task<ConfigScenario<InMemoryProxy>> InMemoryAsync(string initialJson, Func<ProxySettings, ProxySettings>? settings = null, bool configMap = false, Action<IServiceCollection>? services = null) =>
        StartAsync(initialJson, s => Task.FromResult(InMemoryProxy.Start(s, services)), settings, configMap);

    public static Task<ConfigScenario<KestrelProxy>> KestrelAsync(ProxyConfig initial, Func<ProxySettings, ProxySettings>? settings = null, Action<IServiceCollection>? services = null) =>
        StartAsync(initial.ToJson(), s => KestrelProxy.StartAsync(s, services), settings, configMap: false);

    public static Task<ConfigScenario<ProxyProcess>> ProcessAsync(ProxyConfig initial, Func<ProxySettings, ProxySettings>? settings = null) =>
        StartAsync(initial.ToJson(), s => ProxyProcess.StartAsync(s), settings, configMap: false);

    /// <summary>A proxy hosted as <paramref name="kind"/> says, for a test that runs the same against each (it sees only <see cref="IProxyUnderTest"/>).</summary>
    public static Task<ConfigScenario<IProxyUnderTest>> AnyAsync(ProxyKind kind, ProxyConfig initial, Func<ProxySettings, ProxySettings>? settings = null) =>
        StartAsync<IProxyUnderTest>(initial.ToJson(), kind switch
        {
            ProxyKind.InMemory => s => Task.FromResult<IProxyUnderTest>(InMemoryProxy.Start(s)),
            ProxyKind.Kestrel => async s => await KestrelProxy.StartAsync(s),
            ProxyKind.Process => async s => await ProxyProcess.StartAsync(s),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        }, settings);

    /// <summary>Writes <paramref name="initialJson"/>, then starts the proxy with <paramref name="start"/>; on a failed start the directory is removed.</summary>
    public static async Task<ConfigScenario<TProxy>> StartAsync<TProxy>(string initialJson, Func<ProxySettings, Task<TProxy>> start, Func<ProxySettings, ProxySettings>? settings = null, bool configMap = false)
        where TProxy : IProxyUnderTest
    {
        ArgumentNullException.ThrowIfNull(start);
        var directory = new TempDirectory();
        try
        {
            var editor = configMap
                ? ConfigFileEditor.CreateConfigMap(directory.File("conf"), "proxy.json", initialJson)
                : ConfigFileEditor.For(directory.NestedFile("proxy.json"), initialJson);
            var proxySettings = new ProxySettings { ConfigPath = editor.Path };
            var proxy = await start(settings?.Invoke(proxySettings) ?? proxySettings);
            return new ConfigScenario<TProxy>(directory, editor, proxy);
        }
        catch
        {
            directory.Dispose();
            throw;
        }
    }
}
