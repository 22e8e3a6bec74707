using System.Text.Json;

namespace HotReload.Benchmarks.Shared;

/// <summary>Writes one command's results as markdown (for people and docs) and JSON (for tools) under artifacts/benchmarks/.</summary>
internal static class ResultsFile
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static void Write<T>(string name, string markdown, T results)
    {
        Directory.CreateDirectory(ArtifactsPaths.Root);
        var markdownPath = Path.Combine(ArtifactsPaths.Root, name + ".md");
        var jsonPath = Path.Combine(ArtifactsPaths.Root, name + ".json");
        File.WriteAllText(markdownPath, markdown);
        File.WriteAllText(jsonPath, JsonSerializer.Serialize(results, Json));
        Console.WriteLine($"Results: {markdownPath}");
        Console.WriteLine($"         {jsonPath}");
    }

    /// <summary>Machine and run facts printed above every table, since numbers from a shared 2-core box need context.</summary>
    public static string Environment() =>
        $"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {System.Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, " +
        $"{System.Runtime.InteropServices.RuntimeInformation.OSDescription}, server GC {System.Runtime.GCSettings.IsServerGC}";
}
