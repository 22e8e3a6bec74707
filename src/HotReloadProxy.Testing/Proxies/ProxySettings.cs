namespace HotReloadProxy.Testing.Proxies;

/// <summary>Command-line settings for a proxy under test; each maps to the proxy's --option of the same name.</summary>
public sealed record ProxySettings
{
    /// <summary>The config file; null starts the proxy without --config (./proxy.json or the embedded default).</summary>
    public required string? ConfigPath { get; init; }

    public bool GenerationHeader { get; init; } = true;

    public int? PollMilliseconds { get; init; }

    public int? ReloadDebounceMilliseconds { get; init; }

    public long? MaxConfigBytes { get; init; }

    public IReadOnlyDictionary<string, string> Extra { get; init; } = new Dictionary<string, string>();

    internal IEnumerable<KeyValuePair<string, string>> AsSettings()
    {
        if (ConfigPath is not null)
        {
            yield return new("config", ConfigPath);
        }
        yield return new("generation-header", GenerationHeader ? "true" : "false");
        if (PollMilliseconds is { } poll)
        {
            yield return new("poll", poll.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (ReloadDebounceMilliseconds is { } debounce)
        {
            yield return new("reload-debounce", debounce.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (MaxConfigBytes is { } max)
        {
            yield return new("max-config-bytes", max.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        foreach (var pair in Extra)
        {
            yield return pair;
        }
    }

    internal string[] AsArgs() => AsSettings().SelectMany(s => new[] { "--" + s.Key, s.Value }).ToArray();
}
