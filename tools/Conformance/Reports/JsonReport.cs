using System.Text.Json;
using System.Text.Json.Serialization;
using HotReload.Conformance.Checking;

namespace HotReload.Conformance.Reports;

/// <summary>The whole run as JSON (timelines included), for tools and for comparing runs.</summary>
public static class JsonReport
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Write(RunResult run) => JsonSerializer.Serialize(run, Options);

    public static RunResult Read(string json) => JsonSerializer.Deserialize<RunResult>(json, Options) ?? throw new JsonException("The report is empty.");
}
