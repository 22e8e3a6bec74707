namespace HotReloadProxy.Configuration.Parsing;

/// <summary>
/// A minimal JSON tree that keeps each value's position. System.Text.Json's DOM drops positions, and
/// every semantic error must point at its line and column.
/// </summary>
internal abstract record JsonValue(SourcePosition Position)
{
    public abstract string KindName { get; }
}

internal sealed record JsonObjectValue(SourcePosition Position, IReadOnlyList<JsonPropertyValue> Properties) : JsonValue(Position)
{
    public override string KindName => "an object";
}

internal sealed record JsonPropertyValue(string Name, SourcePosition NamePosition, JsonValue Value);

internal sealed record JsonArrayValue(SourcePosition Position, IReadOnlyList<JsonValue> Items) : JsonValue(Position)
{
    public override string KindName => "an array";
}

internal sealed record JsonStringValue(SourcePosition Position, string Value) : JsonValue(Position)
{
    public override string KindName => "a string";
}

internal sealed record JsonNumberValue(SourcePosition Position, string RawText) : JsonValue(Position)
{
    public override string KindName => "a number";
}

internal sealed record JsonBoolValue(SourcePosition Position, bool Value) : JsonValue(Position)
{
    public override string KindName => "a boolean";
}

internal sealed record JsonNullValue(SourcePosition Position) : JsonValue(Position)
{
    public override string KindName => "null";
}
