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
            if (!reader.Read())
            {
                syntaxError = ConfigError.ForFile("The file holds no JSON value; write a config object such as {\"routes\": [], \"clusters\": {}}.");
                return new JsonNullValue(SourcePosition.Start);
            }

            var value = ReadValue(ref reader, lines);
            if (reader.Read())
            {
                syntaxError = new ConfigError("$", lines.At(reader.TokenStartIndex), "Unexpected content after the end of the config object; remove it.");
            }

            return value;
        }
        catch (JsonException ex)
        {
            var position = lines.AtLineByte(ex.LineNumber ?? 0, ex.BytePositionInLine ?? 0);
            syntaxError = new ConfigError("$", position, $"JSON syntax error: {Describe(ex)} Fix the JSON at this position.");
            return new JsonNullValue(position);
        }
        catch (InvalidOperationException ex)
        {
            // Raised for strings that are not valid UTF-8.
            var position = lines.At(reader.TokenStartIndex);
            syntaxError = new ConfigError("$", position, $"Invalid text: {ex.Message} Save the file as UTF-8.");
            return new JsonNullValue(position);
        }
    }

    private static JsonValue ReadValue(ref Utf8JsonReader reader, LineIndex lines)
    {
        var position = lines.At(reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var properties = new List<JsonPropertyValue>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var namePosition = lines.At(reader.TokenStartIndex);
                    var name = reader.GetString()!;
                    reader.Read();
                    properties.Add(new JsonPropertyValue(name, namePosition, ReadValue(ref reader, lines)));
                }

                return new JsonObjectValue(position, properties);
            case JsonTokenType.StartArray:
                var items = new List<JsonValue>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(ReadValue(ref reader, lines));
                }

                return new JsonArrayValue(position, items);
            case JsonTokenType.String:
                return new JsonStringValue(position, reader.GetString()!);
            case JsonTokenType.Number:
                return new JsonNumberValue(position, System.Text.Encoding.UTF8.GetString(reader.ValueSpan));
            case JsonTokenType.True:
                return new JsonBoolValue(position, true);
            case JsonTokenType.False:
                return new JsonBoolValue(position, false);
            default:
                return new JsonNullValue(position);
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
