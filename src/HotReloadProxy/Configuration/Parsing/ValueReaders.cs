using System.Globalization;
using HotReloadProxy.Configuration.Model;

namespace HotReloadProxy.Configuration.Parsing;

/// <summary>Typed reads of JSON values that report a wrong type as an error at the value's position.</summary>
internal static class ValueReaders
{
    public static string? String(JsonValue? value, PathRef path, BindingContext context)
    {
        switch (value)
        {
            case null or JsonNullValue:
                return null;
            case JsonStringValue text:
                return text.Value;
            default:
                context.Error(path, value.Offset, $"'{path}' must be a string, but it is {value.KindName}.");
                return null;
        }
    }

    public static int? Integer(JsonValue? value, PathRef path, BindingContext context, string example)
    {
        switch (value)
        {
            case null or JsonNullValue:
                return null;
            case JsonNumberValue number when int.TryParse(number.RawText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed):
                return parsed;
            default:
                context.Error(path, value.Offset, $"'{path}' must be a whole number such as {example}, but it is {Describe(value)}.");
                return null;
        }
    }

    public static TimeSpan? Duration(JsonValue? value, PathRef path, BindingContext context)
    {
        var text = String(value, path, context);
        if (text is null)
        {
            return null;
        }

        if (Durations.TryParse(text, out var duration))
        {
            return duration;
        }

        context.Error(path, value!.Offset, $"'{path}' is not a duration: '{text}'. Write it like \"500ms\", \"30s\", \"2m\" or \"00:00:30\".");
        return null;
    }

    public static ValueList<string>? StringList(JsonValue? value, PathRef path, BindingContext context)
    {
        switch (value)
        {
            case null or JsonNullValue:
                return null;
            case JsonArrayValue array:
                var items = new List<string>(array.Items.Length);
                var listPath = array.Items.Length == 0 ? null : path.ToJsonPath();
                for (var i = 0; i < array.Items.Length; i++)
                {
                    var itemPath = listPath!.At(i);
                    context.Record(itemPath, array.Items[i]);
                    if (Item(array.Items[i], itemPath, context) is { } item)
                    {
                        items.Add(item);
                    }
                }

                return new ValueList<string>(items);
            default:
                context.Error(path, value.Offset, $"'{path}' must be an array of strings, but it is {value.KindName}.");
                return null;
        }
    }

    /// <summary>A header map: names compare case-insensitively, as HTTP does.</summary>
    public static ValueMap<string>? HeaderMap(JsonValue? value, PathRef path, BindingContext context)
    {
        switch (value)
        {
            case null or JsonNullValue:
                return null;
            case JsonObjectValue obj:
                var entries = new KeyValuePair<string, string>[obj.Properties.Length];
                var count = 0;
                var repeated = new RepeatedNames(obj, StringComparer.OrdinalIgnoreCase);
                var mapPath = obj.Properties.Length == 0 ? null : path.ToJsonPath();
                for (var i = 0; i < obj.Properties.Length; i++)
                {
                    var property = obj.Properties[i];
                    var itemPath = mapPath!.Field(property.Name);
                    context.Record(itemPath, property.Value);
                    // A repeat is an error even when the first value had the wrong type (and was not kept).
                    if (repeated.IsRepeat(i))
                    {
                        context.Error(itemPath, property.NameOffset, $"Header '{property.Name}' appears twice in '{path}' (header names ignore case); keep one.");
                        continue;
                    }

                    if (Item(property.Value, itemPath, context) is { } headerValue)
                    {
                        entries[count++] = new(property.Name, headerValue);
                    }
                }

                if (count < entries.Length)
                {
                    Array.Resize(ref entries, count);
                }

                return ValueMap<string>.FromDistinct(entries, StringComparer.OrdinalIgnoreCase);
            default:
                context.Error(path, value.Offset, $"'{path}' must be an object of header names to string values, but it is {value.KindName}.");
                return null;
        }
    }

    /// <summary>
    /// A string inside a list or a map. There null cannot mean "not set", as it does for a field, so it is reported
    /// like any other wrong type instead of being dropped.
    /// </summary>
    private static string? Item(JsonValue value, PathRef path, BindingContext context)
    {
        if (value is JsonNullValue)
        {
            context.Error(path, value.Offset, $"'{path}' must be a string, but it is null. Give it a value or remove it.");
            return null;
        }

        return String(value, path, context);
    }

    public static JsonObjectValue? Object(JsonValue? value, PathRef path, BindingContext context)
    {
        switch (value)
        {
            case null or JsonNullValue:
                return null;
            case JsonObjectValue obj:
                return obj;
            default:
                context.Error(path, value.Offset, $"'{path}' must be an object, but it is {value.KindName}.");
                return null;
        }
    }

    private static string Describe(JsonValue value) => value is JsonNumberValue number ? $"the number {number.RawText}" : value.KindName;
}
