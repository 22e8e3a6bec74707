using System.Text.Json.Nodes;
using HotReloadProxy.Testing.Configs;

namespace HotReload.Benchmarks.Baseline;

/// <summary>
/// YARP's own config format for the route HotReload's <see cref="TestConfigs.VersionedForward"/> describes:
/// /echo/{**rest} to the upstream, the version set on the forwarded request and on the response.
/// </summary>
internal static class YarpConfigJson
{
    public const string Section = "ReverseProxy";

    public static string Versioned(string version, Uri upstream)
    {
        ArgumentNullException.ThrowIfNull(upstream);
        var config = new JsonObject
        {
            [Section] = new JsonObject
            {
                ["Routes"] = new JsonObject
                {
                    ["echo"] = new JsonObject
                    {
                        ["ClusterId"] = "upstream",
                        ["Match"] = new JsonObject { ["Path"] = "/echo/{**rest}" },
                        ["Transforms"] = new JsonArray
                        {
                            new JsonObject { ["RequestHeader"] = TestConfigs.VersionHeader, ["Set"] = version },

                            // "Always" so error responses carry the version too, like HotReload's response headers.
                            new JsonObject { ["ResponseHeader"] = TestConfigs.VersionHeader, ["Set"] = version, ["When"] = "Always" },
                        },
                    },
                },
                ["Clusters"] = new JsonObject
                {
                    ["upstream"] = new JsonObject
                    {
                        ["Destinations"] = new JsonObject { ["d1"] = new JsonObject { ["Address"] = upstream.ToString() } },
                    },
                },
            },
        };
        return config.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>The first half of a valid file: what a reader sees mid-write.</summary>
    public static string Truncated(string version, Uri upstream)
    {
        var json = Versioned(version, upstream);
        return json[..(json.Length / 2)];
    }
}
