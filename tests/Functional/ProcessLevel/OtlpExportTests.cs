using System.Net;
using System.Text;
using HotReload.Testing.Files;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HotReload.Functional.Tests.ProcessLevel;

/// <summary>OTLP export switched on by the standard variable, received by a real HTTP listener standing in for a collector.</summary>
public sealed class OtlpExportTests
{
    [Fact]
    [Requirement("MT-04")]
    public async Task With_OTEL_EXPORTER_OTLP_ENDPOINT_set_the_reload_metrics_are_pushed_to_that_collector()
    {
        var received = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        await using var collector = builder.Build();
        collector.Run(async context =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);

            // OTLP/HTTP protobuf carries metric names as plain UTF-8 strings.
            var text = Encoding.UTF8.GetString(body.ToArray());
            if (context.Request.Path == "/v1/metrics" && text.Contains("hotreload.config.generation", StringComparison.Ordinal))
            {
                received.TrySetResult(text);
            }

            context.Response.StatusCode = StatusCodes.Status200OK;
        });
        await collector.StartAsync();
        var endpoint = collector.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        using var directory = new TempDirectory();
        File.WriteAllText(directory.File("proxy.json"), """{ "routes": [], "clusters": {} }""");
        await using var proxy = ChildProcess.Start(directory.Path,
            ["dotnet", RepositoryLayout.ProxyDll, "--urls", "http://127.0.0.1:0", "--admin-urls", "none"],
            new Dictionary<string, string>
            {
                ["OTEL_EXPORTER_OTLP_ENDPOINT"] = endpoint,
                ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
                ["OTEL_METRIC_EXPORT_INTERVAL"] = "200",
            });

        var payload = await received.Task.WaitAsync(TimeSpan.FromSeconds(120));

        Assert.Contains("hotreload.config.last_reload_successful", payload, StringComparison.Ordinal);
    }
}
