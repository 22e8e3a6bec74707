using HotReloadProxy.Configuration.Model;
using HotReloadProxy.Configuration.Parsing;

namespace HotReloadProxy.Configuration.Validation;

internal static class HeaderRules
{
    public static void Check(ValidationReport report, string path, ValueMap<string>? headers)
    {
        if (headers is null)
        {
            return;
        }

        foreach (var (name, value) in headers)
        {
            var headerPath = JsonPaths.Property(path, name);
            if (!HttpTokens.IsToken(name))
            {
                report.Error(headerPath, $"'{name}' is not a valid header name; use letters, digits and '-'.");
            }

            if (!HttpTokens.IsValidHeaderValue(value))
            {
                report.Error(headerPath, $"The value of header '{name}' contains a line break, a control character or a non-ASCII character; header values are limited to visible ASCII, spaces and tabs.");
            }
        }
    }
}
