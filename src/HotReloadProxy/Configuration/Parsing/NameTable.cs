using System.Text;
using System.Text.Json;

namespace HotReloadProxy.Configuration.Parsing;

/// <summary>
/// The property names the config schema uses, handed out as the same string instances every time: a
/// 1,000-route file repeats "id", "match", "path" thousands of times, and decoding each into a new string
/// was a measurable part of reading the tree. Any other name is decoded as usual.
/// </summary>
internal static class NameTable
{
    private const int MaxLength = 32;
    private static readonly (byte[] Utf8, string Name)[][] ByLength = Build();

    public static string Read(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped && !reader.HasValueSequence && reader.ValueSpan.Length < MaxLength)
        {
            var span = reader.ValueSpan;
            foreach (var (utf8, name) in ByLength[span.Length])
            {
                if (span.SequenceEqual(utf8))
                {
                    return name;
                }
            }
        }

        return reader.GetString()!;
    }

    private static (byte[] Utf8, string Name)[][] Build()
    {
        var table = new List<(byte[], string)>[MaxLength];
        for (var i = 0; i < MaxLength; i++)
        {
            table[i] = [];
        }

        foreach (var name in ConfigBinder.FieldNames.Distinct(StringComparer.Ordinal))
        {
            var utf8 = Encoding.UTF8.GetBytes(name);
            if (utf8.Length < MaxLength)
            {
                table[utf8.Length].Add((utf8, name));
            }
        }

        return table.Select(bucket => bucket.ToArray()).ToArray();
    }
}
