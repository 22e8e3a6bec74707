using System.Text;

namespace HotReload.Traceability.Report;

/// <summary>Text for markdown table cells: statements hold pipes, asterisks and &lt;placeholders&gt;.</summary>
public static class Markdown
{
    public static string Cell(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            _ = c switch
            {
                '\\' or '|' or '*' or '_' or '`' or '[' or ']' => escaped.Append('\\').Append(c),
                '<' => escaped.Append("&lt;"),
                '>' => escaped.Append("&gt;"),
                '\r' => escaped,
                '\n' => escaped.Append(' '),
                _ => escaped.Append(c),
            };
        }

        return escaped.ToString();
    }

    /// <summary>
    /// A code span for identifiers such as test names, which read badly with every underscore escaped.
    /// GitHub tables still split on a pipe inside a code span, so that alone is escaped.
    /// </summary>
    public static string Code(string identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        return "`" + identifier.Replace("`", "", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal) + "`";
    }
}
