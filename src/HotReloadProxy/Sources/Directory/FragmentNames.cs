namespace HotReloadProxy.Sources.Directory;

/// <summary>
/// Which names in a config directory are fragments. Editors and tools leave other files beside the ones
/// being edited (swap files, backups, probe files, lock files); reading those would apply half an edit or
/// garbage, so only visible <c>*.json</c> files count.
/// </summary>
internal static class FragmentNames
{
    /// <summary>True for <c>name.json</c>; false for hidden (<c>.*</c>, which covers <c>.#lock</c> files), <c>#autosave#</c>, and anything not ending in <c>.json</c> (<c>*~</c>, <c>*.swp</c>, <c>*.swx</c>, <c>*.tmp</c>, <c>*.bak</c>, <c>4913</c>).</summary>
    public static bool IsFragment(string? fileName)
    {
        if (string.IsNullOrEmpty(fileName))
        {
            return false;
        }

        var name = Path.GetFileName(fileName);
        return name.Length > ".json".Length
            && name.EndsWith(".json", StringComparison.Ordinal)
            && name[0] != '.'
            && name[0] != '#';
    }
}
