using System.Text;
using System.Text.Json;
using HotReloadProxy.Configuration.Model;
using HotReloadProxy.Configuration.Parsing;

namespace HotReloadProxy.Testing.Configs;

/// <summary>Writes a config back to the file format: for tests, benchmarks and tools that generate configs.</summary>
internal static class ConfigJsonWriter
{
    public static string ToJson(ProxyConfig config, bool indented = true) => Encoding.UTF8.GetString(ToUtf8(config, indented));

    public static byte[] ToUtf8(ProxyConfig config, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(config);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented }))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("routes");
            foreach (var route in config.Routes)
            {
                WriteRoute(writer, route);
            }

            writer.WriteEndArray();
            writer.WriteStartObject("clusters");
            foreach (var (name, cluster) in config.Clusters)
            {
                writer.WriteStartObject(name);
                writer.WriteString("loadBalancing", cluster.LoadBalancing.ToString());
                writer.WriteStartObject("destinations");
                foreach (var (destination, destinationConfig) in cluster.Destinations)
                {
                    writer.WriteStartObject(destination);
                    writer.WriteString("address", destinationConfig.Address);
                    writer.WriteEndObject();
                }

                writer.WriteEndObject();
                WriteTimeout(writer, cluster.Timeout);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            if (config.Server is { } server)
            {
                writer.WriteStartObject("server");
                WriteOptional(writer, "urls", server.Urls);
                WriteOptional(writer, "adminUrls", server.AdminUrls);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteRoute(Utf8JsonWriter writer, RouteConfig route)
    {
        writer.WriteStartObject();
        writer.WriteString("id", route.Id);
        writer.WriteStartObject("match");
        writer.WriteString("path", route.Match.Path);
        WriteList(writer, "methods", route.Match.Methods);
        WriteList(writer, "hosts", route.Match.Hosts);
        writer.WriteEndObject();
        if (route.Order != 0)
        {
            writer.WriteNumber("order", route.Order);
        }

        WriteOptional(writer, "cluster", route.Cluster);
        if (route.Respond is { } respond)
        {
            writer.WriteStartObject("respond");
            writer.WriteNumber("status", respond.Status);
            WriteMap(writer, "headers", respond.Headers);
            WriteOptional(writer, "body", respond.Body);
            writer.WriteEndObject();
        }

        if (route.Transforms is { } transforms)
        {
            writer.WriteStartObject("transforms");
            WriteOptional(writer, "pathRemovePrefix", transforms.PathRemovePrefix);
            WriteOptional(writer, "pathPrefix", transforms.PathPrefix);
            WriteMap(writer, "requestHeaders", transforms.RequestHeaders);
            WriteMap(writer, "responseHeaders", transforms.ResponseHeaders);
            writer.WriteEndObject();
        }

        WriteTimeout(writer, route.Timeout);
        writer.WriteEndObject();
    }

    private static void WriteTimeout(Utf8JsonWriter writer, TimeSpan? timeout)
    {
        if (timeout is { } value)
        {
            writer.WriteString("timeout", Durations.Format(value));
        }
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static void WriteList(Utf8JsonWriter writer, string name, ValueList<string>? values)
    {
        if (values is null)
        {
            return;
        }

        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    private static void WriteMap(Utf8JsonWriter writer, string name, ValueMap<string>? values)
    {
        if (values is null)
        {
            return;
        }

        writer.WriteStartObject(name);
        foreach (var (key, value) in values)
        {
            writer.WriteString(key, value);
        }

        writer.WriteEndObject();
    }
}
