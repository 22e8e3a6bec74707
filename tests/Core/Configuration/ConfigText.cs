using System.Text;
using HotReloadProxy.Configuration.Parsing;
using HotReloadProxy.Configuration.Validation;

namespace HotReload.Core.Tests.Configuration;

/// <summary>Small helpers to parse and validate config text written inline in a test.</summary>
internal static class ConfigText
{
    /// <summary>Parses the text as UTF-8 bytes (no BOM).</summary>
    public static ParsedConfig Parse(string json) => ConfigParser.Parse(Encoding.UTF8.GetBytes(json));

    /// <summary>Parses (which must succeed) then validates, returning the validator's errors.</summary>
    public static IReadOnlyList<ConfigError> Validate(string json, ConfigLimits? limits = null)
    {
        var parsed = Parse(json);
        Assert.True(parsed.Succeeded, "parse errors: " + string.Join(" | ", parsed.Errors.Select(e => e.Format("f"))));
        return new ConfigValidator(limits).Validate(parsed.Config, parsed.Positions).Errors;
    }

    /// <summary>The only error, with a readable failure when there are none or several.</summary>
    public static ConfigError Single(IReadOnlyList<ConfigError> errors)
    {
        Assert.True(errors.Count == 1, $"expected exactly one error, got {errors.Count}: " + string.Join(" | ", errors.Select(e => e.Format("f"))));
        return errors[0];
    }

    /// <summary>
    /// Removes each '§' from the text and returns where it stood (1-based line and column), so a test can
    /// mark the character an error must point at instead of counting columns by hand.
    /// </summary>
    public static (string Json, IReadOnlyList<SourcePosition> Marks) Marked(string text)
    {
        var marks = new List<SourcePosition>();
        var json = new StringBuilder(text.Length);
        int line = 1, column = 1;
        foreach (var c in text)
        {
            if (c == '§')
            {
                marks.Add(new SourcePosition(line, column));
                continue;
            }

            json.Append(c);
            if (c == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }

        return (json.ToString(), marks);
    }

    public static void AssertAt(ConfigError error, int line, int column)
    {
        Assert.True(error.Position == new SourcePosition(line, column),
            $"expected {line}:{column} but the error is at {error.Position}: {error.Message}");
    }
}
