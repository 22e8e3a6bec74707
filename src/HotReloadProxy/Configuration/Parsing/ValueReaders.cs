using System.Globalization;
using System.Text;
using System.Text.Json;
using HotReloadProxy.Configuration.Model;

namespace HotReloadProxy.Configuration.Parsing;

/// <summary>
/// Typed reads of the value the reader is on, at the context's current path. A wrong type is reported at the
/// value's position and the value skipped, so the reader always ends on the value's last token.
/// </summary>
internal static class ValueReaders
{
    public static string? String(ref Utf8JsonReader reader, BindingContext context)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String:
                return reader.GetString();
            default:
                WrongType(ref reader, context, "a string");
                return null;
        }
    }

    public static int? Integer(ref Utf8JsonReader reader, BindingContext context, string example)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.Number when int.TryParse(reader.ValueSpan, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed):
                return parsed;
            default:
                var found = reader.TokenType == JsonTokenType.Number
                    ? "the number " + Encoding.UTF8.GetString(reader.ValueSpan)
                    : JsonSyntax.KindName(reader.TokenType);
                context.Error(reader.TokenStartIndex, $"'{context.Path}' must be a whole number such as {example}, but it is {found}.");
                reader.Skip();
                return null;
        }
    }

    public static TimeSpan? Duration(ref Utf8JsonReader reader, BindingContext context)
    {
        var offset = reader.TokenStartIndex;
        var text = String(ref reader, context);
        if (text is null)
        {
            return null;
        }

        if (Durations.TryParse(text, out var duration))
        {
            return duration;
        }

        context.Error(offset, $"'{context.Path}' is not a duration: '{text}'. Write it like \"500ms\", \"30s\", \"2m\" or \"00:00:30\".");
        return null;
    }

    public static ValueList<string>? StringList(ref Utf8JsonReader reader, BindingContext context)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.StartArray:
                var items = context.ListScratch;
                items.Clear();
                var index = 0;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    context.Enter(index++);
                    context.Record(reader.TokenStartIndex);
                    if (Item(ref reader, context) is { } item)
                    {
                        items.Add(item);
                    }

                    context.Leave();
                }

                return items.Count == 0 ? ValueList<string>.Empty : new ValueList<string>(items);
            default:
                WrongType(ref reader, context, "an array of strings");
                return null;
        }
    }

    /// <summary>A header map: names compare case-insensitively, as HTTP does.</summary>
    public static ValueMap<string>? HeaderMap(ref Utf8JsonReader reader, BindingContext context)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.StartObject:
                var entries = context.HeaderScratch;
                entries.Clear();
                var repeated = context.HeaderNames;
                repeated.Reset();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var nameOffset = reader.TokenStartIndex;
                    var name = reader.GetString()!;
                    reader.Read();
                    // A repeat is an error even when the first value had the wrong type (and was not kept).
                    var isRepeat = repeated.IsRepeat(name);
                    if (isRepeat)
                    {
                        context.ErrorAt(name, nameOffset, $"Header '{name}' appears twice in '{context.Path}' (header names ignore case); keep one.");
                    }

                    context.Enter(name);
                    context.Record(reader.TokenStartIndex);
                    if (isRepeat)
                    {
                        reader.Skip();
                    }
                    else if (Item(ref reader, context) is { } headerValue)
                    {
                        entries.Add(new(name, headerValue));
                    }

                    context.Leave();
                }

                // The names were checked for repeats above, so the map need not check them again.
                return ValueMap<string>.FromDistinct([.. entries], StringComparer.OrdinalIgnoreCase);
            default:
                WrongType(ref reader, context, "an object of header names to string values");
                return null;
        }
    }

    /// <summary>
    /// Whether the value is an object to bind: null is "not set" (false, no error), and any other type is
    /// reported and skipped (false).
    /// </summary>
    public static bool Object(ref Utf8JsonReader reader, BindingContext context)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                return true;
            case JsonTokenType.Null:
                return false;
            default:
                WrongType(ref reader, context, "an object");
                return false;
        }
    }

    /// <summary>
    /// A string inside a list or a map. There null cannot mean "not set", as it does for a field, so it is reported
    /// like any other wrong type instead of being dropped.
    /// </summary>
    private static string? Item(ref Utf8JsonReader reader, BindingContext context)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            context.Error(reader.TokenStartIndex, $"'{context.Path}' must be a string, but it is null. Give it a value or remove it.");
            return null;
        }

        return String(ref reader, context);
    }

    private static void WrongType(ref Utf8JsonReader reader, BindingContext context, string expected)
    {
        context.Error(reader.TokenStartIndex, $"'{context.Path}' must be {expected}, but it is {JsonSyntax.KindName(reader.TokenType)}.");
        reader.Skip();
    }
}
