using System.Collections.Immutable;

namespace HotReloadProxy.Configuration.Parsing;

/// <summary>
/// A minimal JSON tree that keeps where each value starts (a byte offset into the file). System.Text.Json's
/// DOM drops positions, and every semantic error must point at its line and column; the offset becomes a
/// line and column (<see cref="LineIndex.At"/>) only when an error or the source map asks for it.
/// </summary>
internal abstract record JsonValue(int Offset)
{
    public abstract string KindName { get; }
}

internal sealed record JsonObjectValue(int Offset, ImmutableArray<JsonPropertyValue> Properties) : JsonValue(Offset)
{
    public override string KindName => "an object";
}

/// <summary>A property as its object holds it: a struct in the object's array, not an object of its own.</summary>
internal readonly record struct JsonPropertyValue(string Name, int NameOffset, JsonValue Value);

internal sealed record JsonArrayValue(int Offset, ImmutableArray<JsonValue> Items) : JsonValue(Offset)
{
    public override string KindName => "an array";
}

internal sealed record JsonStringValue(int Offset, string Value) : JsonValue(Offset)
{
    public override string KindName => "a string";
}

internal sealed record JsonNumberValue(int Offset, string RawText) : JsonValue(Offset)
{
    public override string KindName => "a number";
}

/// <summary>true or false: no setting of the schema is a boolean, so only that it is one (for the type error) is kept.</summary>
internal sealed record JsonBoolValue(int Offset) : JsonValue(Offset)
{
    public override string KindName => "a boolean";
}

internal sealed record JsonNullValue(int Offset) : JsonValue(Offset)
{
    public override string KindName => "null";
}
