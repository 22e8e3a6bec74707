using System.Text;

namespace HotReload.Traceability.Features;

/// <summary>
/// Reads a test method's name as the sentence it was written to be: <c>Deleted_file_keeps_serving</c>
/// and <c>DeletedFileKeepsServing</c> both become "Deleted file keeps serving". Acronyms (SIGHUP,
/// JSON) keep their case.
/// </summary>
public static class TestNameSentence
{
    public static string From(string methodName)
    {
        ArgumentNullException.ThrowIfNull(methodName);
        var name = methodName.EndsWith("Async", StringComparison.Ordinal) && methodName.Length > 5 ? methodName[..^5] : methodName;
        var words = name.Contains('_', StringComparison.Ordinal)
            ? name.Split('_', StringSplitOptions.RemoveEmptyEntries)
            : SplitPascalCase(name).Select((w, i) => i > 0 && IsCapitalizedWord(w) ? w.ToLowerInvariant() : w).ToArray();
        if (words.Length == 0)
        {
            return methodName;
        }

        var sentence = string.Join(' ', words);
        return char.ToUpperInvariant(sentence[0]) + sentence[1..];
    }

    // "HTTPRequestIsForwarded" -> HTTP, Request, Is, Forwarded; digits stay with the word before them.
    private static List<string> SplitPascalCase(string name)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            var startsWord = i > 0 && char.IsUpper(c) &&
                (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1])));
            if (startsWord && word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }

            word.Append(c);
        }

        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }

        return words;
    }

    private static bool IsCapitalizedWord(string word) => word.Length > 1 && char.IsUpper(word[0]) && word.Skip(1).All(char.IsLower);
}
