using System.Text.Json;
using System.Text.Unicode;

namespace HotReloadProxy.Configuration.Parsing;

/// <summary>How config files are read as JSON, and how a file that is not JSON is reported.</summary>
internal static class JsonSyntax
{
    public const int MaxDepth = 64;

    public static readonly JsonReaderOptions Options = new()
    {
        // Comments and trailing commas are what people write in hand-edited config files.
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = MaxDepth,
    };

    public static ConfigError SyntaxError(JsonException ex, LineIndex lines) =>
        new("$", lines.AtLineByte(ex.LineNumber ?? 0, ex.BytePositionInLine ?? 0), $"JSON syntax error: {Describe(ex)} Fix the JSON at this position.");

    /// <summary>Text that is not UTF-8, found when a string of it is decoded (the reader raises it then).</summary>
    public static ConfigError InvalidText(InvalidOperationException ex, long tokenOffset, LineIndex lines) =>
        new("$", lines.At(tokenOffset), $"Invalid text: {ex.Message} Save the file as UTF-8.");

    /// <summary>
    /// The first syntax or text error of a file whose bytes are not all valid UTF-8. Binding decodes only the
    /// strings it keeps, so a bad byte in a value it skips (an unknown property, say) would go unreported; a file
    /// with one is therefore read through once, decoding every string, to report the first error a reader meets.
    /// Valid UTF-8, the common case, is checked in one vectorised pass and skips this.
    /// </summary>
    public static ConfigError? FirstTextError(ReadOnlySpan<byte> json, LineIndex lines)
    {
        if (Utf8.IsValid(json))
        {
            return null;
        }

        var reader = new Utf8JsonReader(json, Options);
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName)
                {
                    reader.GetString();
                }
            }

            // Bad bytes only inside comments: the reader skips those, and so does binding.
            return null;
        }
        catch (JsonException ex)
        {
            return SyntaxError(ex, lines);
        }
        catch (InvalidOperationException ex)
        {
            return InvalidText(ex, reader.TokenStartIndex, lines);
        }
    }

    /// <summary>How errors name the kind of value found where another was expected.</summary>
    public static string KindName(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        _ => "null",
    };

    private static string Describe(JsonException ex)
    {
        // The reader's message ends with its own 0-based "LineNumber: x | BytePositionInLine: y"; we report
        // our 1-based position instead, so cut that suffix off.
        var message = ex.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).Trim();
    }
}
