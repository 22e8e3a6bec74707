namespace HotReload.Functional.Tests.Support;

/// <summary>The one way these tests put a whole new config in place: write a temp file, rename it over.</summary>
internal static class ConfigFileWrites
{
    public static void AtomicWrite(string path, string content)
    {
        var temp = path + ".tmp-" + Guid.NewGuid().ToString("N");
        File.WriteAllText(temp, content);
        File.Move(temp, path, overwrite: true);
    }
}
