using System.Text.Json;
using HotReloadProxy.Testing.Proxies;

namespace HotReload.Functional.Tests.Support;

/// <summary>Starts a proxy fed by an etcd key, and reads its etcd status.</summary>
internal static class EtcdProxy
{
    public const string Key = "/hotreload/proxy.json";

    public static Task<KestrelProxy> StartAsync(string endpoint) => KestrelProxy.StartAsync(new ProxySettings
    {
        ConfigPath = null,

        // A short cap on the reconnect backoff keeps a test's outage short; the default is 5 s.
        Extra = new Dictionary<string, string> { ["etcd"] = endpoint, ["etcd-key"] = Key, ["etcd-max-backoff"] = "300" },
    });

    public static async Task<JsonElement> StatusAsync(this IProxyUnderTest proxy)
    {
        using var client = proxy.CreateAdminClient();
        using var document = JsonDocument.Parse(await client.GetStringAsync(new Uri("/status", UriKind.Relative)));
        return document.RootElement.Clone();
    }

    public static async Task<string> GetAsync(this IProxyUnderTest proxy, string path)
    {
        using var client = proxy.CreateClient();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
    }
}
