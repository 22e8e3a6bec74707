namespace HotReloadProxy.Configuration.Parsing;

/// <summary>A 1-based line and column in the config file, as editors count them.</summary>
internal readonly record struct SourcePosition(int Line, int Column)
{
    public static SourcePosition Start { get; } = new(1, 1);

    public override string ToString() => $"{Line}:{Column}";
}
