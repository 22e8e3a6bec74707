using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HotReload.Benchmarks.Baseline;

/// <summary>
/// The baseline: stock YARP as its docs set it up. Config comes from a JSON file added with
/// reloadOnChange, read by <c>LoadFromConfig</c>, and served by the full <c>MapReverseProxy</c> pipeline on
/// Kestrel, loopback, in this process, like the HotReload proxy it is compared with.
/// </summary>
internal sealed class YarpBaselineHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private YarpBaselineHost(WebApplication app, Uri address)
    {
        _app = app;
        PublicAddress = address;
    }

    public Uri PublicAddress { get; }

    public static async Task<YarpBaselineHost> StartAsync(string configPath)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddJsonFile(configPath, optional: true, reloadOnChange: true);
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Services.AddReverseProxy().LoadFromConfig(builder.Configuration.GetSection(YarpConfigJson.Section));
        var app = builder.Build();
        app.MapReverseProxy();
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new YarpBaselineHost(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
