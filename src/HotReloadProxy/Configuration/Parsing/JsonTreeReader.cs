using System.Runtime.InteropServices;
using System.Text.Json;

namespace HotReloadProxy.Configuration.Parsing;

/// <summary>Reads UTF-8 JSON into a positioned <see cref="JsonValue"/> tree, or one syntax error with its position.</summary>
internal static class JsonTreeReader
{
    public const int MaxDepth = 64;

    private static readonly JsonReaderOptions Options = new()
    {
        // Comments and trailing commas are what people write in hand-edited config files.
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = MaxDepth,
    };

    /// <summary>Reads <paramref name="json"/> (without a byte order mark); offsets into it are what <paramref name="lines"/> maps.</summary>
    public static JsonValue Read(ReadOnlySpan<byte> json, LineIndex lines, out ConfigError? syntaxError)
    {
        syntaxError = null;
        var reader = new Utf8JsonReader(json, Options);
        try
        {
            // The reader is given the whole file as its final block, so it never reports "no more input" by
            // returning false: input without a value (only a comment) and content after the value both raise a
            // JsonException, reported below at their position. The second Read is there to raise it.
            reader.Read();
            var value = ReadValue(ref reader, new Scratch(), 0);
            reader.Read();
            return value;
        }
        catch (JsonException ex)
        {
            var position = lines.AtLineByte(ex.LineNumber ?? 0, ex.BytePositionInLine ?? 0);
            syntaxError = new ConfigError("$", position, $"JSON syntax error: {Describe(ex)} Fix the JSON at this position.");
            return new JsonNullValue(0);
        }
        catch (InvalidOperationException ex)
        {
            // Raised for strings that are not valid UTF-8.
            var position = lines.At(reader.TokenStartIndex);
            syntaxError = new ConfigError("$", position, $"Invalid text: {ex.Message} Save the file as UTF-8.");
            return new JsonNullValue(0);
        }
    }

    private static JsonValue ReadValue(ref Utf8JsonReader reader, Scratch scratch, int depth)
    {
        var offset = (int)reader.TokenStartIndex;
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var properties = scratch.Properties(depth);
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var nameOffset = (int)reader.TokenStartIndex;
                    var name = NameTable.Read(ref reader);
                    reader.Read();
                    properties.Add(new JsonPropertyValue(name, nameOffset, ReadValue(ref reader, scratch, depth + 1)));
                }

                return new JsonObjectValue(offset, ImmutableCollectionsMarshal.AsImmutableArray(properties.ToArray()));
            case JsonTokenType.StartArray:
                var items = scratch.Items(depth);
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(ReadValue(ref reader, scratch, depth + 1));
                }

                return new JsonArrayValue(offset, ImmutableCollectionsMarshal.AsImmutableArray(items.ToArray()));
            case JsonTokenType.String:
                return new JsonStringValue(offset, reader.GetString()!);
            case JsonTokenType.Number:
                return new JsonNumberValue(offset, System.Text.Encoding.UTF8.GetString(reader.ValueSpan));
            case JsonTokenType.True or JsonTokenType.False:
                return new JsonBoolValue(offset);
            default:
                return new JsonNullValue(offset);
        }
    }

    /// <summary>
    /// One reusable list per nesting depth, so each object or array is gathered in a list that is already grown and
    /// kept as an exact-size array: no list, and no outgrown arrays, per object of the file.
    /// </summary>
    private sealed class Scratch
    {
        private readonly List<List<JsonPropertyValue>> _properties = [];
        private readonly List<List<JsonValue>> _items = [];

        public List<JsonPropertyValue> Properties(int depth) => Cleared(_properties, depth);

        public List<JsonValue> Items(int depth) => Cleared(_items, depth);

        private static List<T> Cleared<T>(List<List<T>> byDepth, int depth)
        {
            while (byDepth.Count <= depth)
            {
                byDepth.Add([]);
            }

            var list = byDepth[depth];
            list.Clear();
            return list;
        }
    }

    private static string Describe(JsonException ex)
    {
        // The reader's message ends with its own 0-based "LineNumber: x | BytePositionInLine: y"; we report
        // our 1-based position instead, so cut that suffix off.
        var message = ex.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).Trim();
    }
}
