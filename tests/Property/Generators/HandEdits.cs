using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using HotReloadProxy.Configuration;
using HotReloadProxy.Testing.Configs;

namespace HotReload.Property.Tests.Generators;

/// <summary>
/// Edits that change how a config file looks but not what it says, all allowed by docs/configuration.md:
/// comments, trailing commas, escaped characters, CRLF line ends, a byte order mark, a "$schema" line.
/// </summary>
internal abstract record HandEdit
{
    public abstract string Apply(string json);

    /// <summary>Positions are taken modulo the candidates, so an edit stays meaningful on any text.</summary>
    protected static int Pick(int position, int count) => (int)((uint)position % (uint)count);

    public sealed record LineComment(int Position) : HandEdit
    {
        public override string Apply(string json)
        {
            var newlines = Code(json, c => c == '\n');
            return newlines.Count == 0 ? json : json.Insert(newlines[Pick(Position, newlines.Count)] + 1, "// edited by hand\n");
        }
    }

    public sealed record BlockComment(int Position) : HandEdit
    {
        public override string Apply(string json)
        {
            var commas = Code(json, c => c == ',');
            return commas.Count == 0 ? json : json.Insert(commas[Pick(Position, commas.Count)] + 1, " /* note, with { braces }, \"quotes\" */ ");
        }
    }

    /// <summary>A comma after the last member or item, before its closing brace or bracket.</summary>
    public sealed record TrailingComma(int Position) : HandEdit
    {
        public override string Apply(string json)
        {
            var closers = Code(json, c => c is '}' or ']').Where(i => PreviousCode(json, i) is not ('{' or '[' or ',')).ToList();
            if (closers.Count == 0)
            {
                return json;
            }

            var at = closers[Pick(Position, closers.Count)];
            var end = json[..at].TrimEnd().Length;
            return json.Insert(end, ",");
        }
    }

    /// <summary>One letter inside a string written as a \u escape.</summary>
    public sealed record EscapedLetter(int Position) : HandEdit
    {
        public override string Apply(string json)
        {
            var kinds = Classify(json);
            var letters = Enumerable.Range(0, json.Length).Where(i => kinds[i] == Kind.InString && char.IsAsciiLetter(json[i]) && !InEscape(json, i)).ToList();
            if (letters.Count == 0)
            {
                return json;
            }

            var at = letters[Pick(Position, letters.Count)];
            return json[..at] + "\\u" + ((int)json[at]).ToString("X4", CultureInfo.InvariantCulture) + json[(at + 1)..];
        }
    }

    public sealed record CrLf : HandEdit
    {
        public override string Apply(string json) => json.Replace("\n", "\r\n", StringComparison.Ordinal);
    }

    public sealed record ByteOrderMark : HandEdit
    {
        public override string Apply(string json) => json.StartsWith('\uFEFF') ? json : "\uFEFF" + json;
    }

    /// <summary>A "$schema" line; the generator adds at most one, as a second is rightly a duplicate-property error.</summary>
    public sealed record Schema : HandEdit
    {
        public override string Apply(string json)
        {
            var open = json.IndexOf('{', StringComparison.Ordinal);
            return open < 0 ? json : json.Insert(open + 1, "\"$schema\": \"./docs/proxy.schema.json\",");
        }
    }

    /// <summary>Part of an escape already (the letter after '\\', or a hex digit of a \uXXXX).</summary>
    private static bool InEscape(string text, int index)
    {
        for (var back = 1; back <= 5 && index - back >= 0; back++)
        {
            if (text[index - back] == '\\' && (back == 1 || text[index - back + 1] == 'u'))
            {
                return true;
            }
        }

        return false;
    }

    private enum Kind
    {
        Code,
        InString,
        InComment,
    }

    /// <summary>Indexes of matching characters that are JSON structure, not inside a string or a comment.</summary>
    private static List<int> Code(string text, Func<char, bool> match)
    {
        var kinds = Classify(text);
        return Enumerable.Range(0, text.Length).Where(i => kinds[i] == Kind.Code && match(text[i])).ToList();
    }

    private static char PreviousCode(string text, int index)
    {
        var kinds = Classify(text);
        for (var i = index - 1; i >= 0; i--)
        {
            if (kinds[i] == Kind.Code && !char.IsWhiteSpace(text[i]) && text[i] != '\uFEFF')
            {
                return text[i];
            }
        }

        return '\0';
    }

    /// <summary>Which characters lie inside strings (with their quotes) and comments: edits go only where they keep the meaning.</summary>
    private static Kind[] Classify(string text)
    {
        var kinds = new Kind[text.Length];
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '"')
            {
                var start = i++;
                while (i < text.Length && text[i] != '"')
                {
                    i += text[i] == '\\' ? 2 : 1;
                }

                Array.Fill(kinds, Kind.InString, start, Math.Min(i + 1, text.Length) - start);
                i++;
            }
            else if (text[i] == '/' && i + 1 < text.Length && text[i + 1] is '/' or '*')
            {
                var end = text[i + 1] == '/' ? text.IndexOf('\n', i) : text.IndexOf("*/", i + 2, StringComparison.Ordinal) + 1;
                end = end <= 0 ? text.Length - 1 : end;
                Array.Fill(kinds, Kind.InComment, i, end - i + 1);
                i = end + 1;
            }
            else
            {
                i++;
            }
        }

        return kinds;
    }
}

/// <summary>A generated config written out and then edited by hand; prints as its recipe.</summary>
internal sealed record HandEditedConfig(int Seed, bool Indented, IReadOnlyList<HandEdit> Edits)
{
    public string Original => ConfigJsonWriter.ToJson(ConfigFaker.Valid(Seed), Indented);

    public byte[] Bytes => Encoding.UTF8.GetBytes(Edits.Aggregate(Original, (json, edit) => edit.Apply(json)));

    public static Gen<HandEditedConfig> Generator =>
        from seed in Gen.Choose(0, int.MaxValue - 1)
        from indented in Gen.Elements(true, false)
        from count in Gen.Choose(1, 8)
        from edits in Gen.ListOf(Edit, count)
        select new HandEditedConfig(seed, indented, edits.Where((edit, i) => edit is not HandEdit.Schema || edits.FindIndex(e => e is HandEdit.Schema) == i).ToList());

    private static Gen<HandEdit> Edit => Gen.OneOf(
        Gen.Choose(0, int.MaxValue).Select(p => (HandEdit)new HandEdit.LineComment(p)),
        Gen.Choose(0, int.MaxValue).Select(p => (HandEdit)new HandEdit.BlockComment(p)),
        Gen.Choose(0, int.MaxValue).Select(p => (HandEdit)new HandEdit.TrailingComma(p)),
        Gen.Choose(0, int.MaxValue).Select(p => (HandEdit)new HandEdit.EscapedLetter(p)),
        Gen.Constant((HandEdit)new HandEdit.CrLf()),
        Gen.Constant((HandEdit)new HandEdit.ByteOrderMark()),
        Gen.Constant((HandEdit)new HandEdit.Schema()));

    public override string ToString() => $"config #{Seed} ({(Indented ? "indented" : "compact")}) with {string.Join(", ", Edits)}";
}
