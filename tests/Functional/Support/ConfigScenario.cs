using HotReload.Testing.Files;
using HotReload.Testing.Observing;
using HotReloadProxy.Configuration.Model;
using HotReloadProxy.Testing.Configs;
using HotReloadProxy.Testing.Proxies;

namespace HotReload.Functional.Tests.Support;

/// <summary>One test's own directory, config file (under <c>conf/</c>), editor and proxy, torn down together.</summary>
internal sealed class ConfigScenario : IAsyncDisposable
{
    private ConfigScenario(TempDirectory directory, ConfigFileEditor editor, IProxyUnderTest proxy)
    {
        Directory = directory;
        Editor = editor;
        Proxy = proxy;
    }

    public TempDirectory Directory { get; }

    public ConfigFileEditor Editor { get; }

    public IProxyUnderTest Proxy { get; }

    public string ConfigPath => Editor.Path;

    public static Task<ConfigScenario> InMemoryAsync(ProxyConfig initial, Func<ProxySettings, ProxySettings>? settings = null, bool configMap = false) =>
        StartAsync(initial, settings, kestrel: false, configMap);

    public static Task<ConfigScenario> KestrelAsync(ProxyConfig initial, Func<ProxySettings, ProxySettings>? settings = null) =>
        StartAsync(initial, settings, kestrel: true, configMap: false);

    /// <summary>Applies the edit and waits for the outcome that follows it.</summary>
    public async Task<HotReloadProxy.Reload.ReloadOutcome> EditAndWaitAsync(FileEdit edit, Func<ReloadEvents, ReloadMark, Task<HotReloadProxy.Reload.ReloadOutcome>> outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var mark = Proxy.Events.Mark();
        await Editor.ApplyAsync(edit);
        return await outcome(Proxy.Events, mark);
    }

    public Task<HotReloadProxy.Reload.ReloadOutcome> WriteAndWaitAppliedAsync(ProxyConfig config) =>
        EditAndWaitAsync(new FileEdit.AtomicReplace(config.ToJson()), (events, mark) => events.WaitForAppliedAsync(mark));

    public async ValueTask DisposeAsync()
    {
        await Proxy.DisposeAsync();
        Directory.Dispose();
    }

    private static async Task<ConfigScenario> StartAsync(ProxyConfig initial, Func<ProxySettings, ProxySettings>? settings, bool kestrel, bool configMap)
    {
        var directory = new TempDirectory();
        var editor = configMap
            ? ConfigFileEditor.CreateConfigMap(directory.File("conf"), "proxy.json", initial.ToJson())
            : ConfigFileEditor.For(directory.NestedFile("proxy.json"), initial.ToJson());
        var proxySettings = new ProxySettings { ConfigPath = editor.Path };
        proxySettings = settings?.Invoke(proxySettings) ?? proxySettings;
        IProxyUnderTest proxy = kestrel ? await KestrelProxy.StartAsync(proxySettings) : InMemoryProxy.Start(proxySettings);
        return new ConfigScenario(directory, editor, proxy);
    }
}
