using HotReloadProxy.Configuration.Model;
using HotReloadProxy.Configuration.Parsing;

namespace HotReloadProxy.Configuration.Validation;

internal static class HeaderRules
{
    /// <summary>
    /// Headers that frame the message or the connection. The proxy and Kestrel own them; a configured value
    /// either breaks the response (a wrong Content-Length fails it with a 500) or is silently dropped.
    /// </summary>
    private static readonly HashSet<string> FramingHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Content-Length", "Transfer-Encoding", "Connection", "Keep-Alive", "Upgrade", "TE", "Trailer", "Proxy-Connection",
    };

    public static void Check(ValidationReport report, PathRef path, ValueMap<string>? headers)
    {
        if (headers is null)
        {
            return;
        }

        foreach (var (name, value) in headers)
        {
            if (!HttpTokens.IsToken(name))
            {
                report.Error(path.ToJsonPath().Field(name), $"'{name}' is not a valid header name; use letters, digits and '-'.");
            }
            else if (FramingHeaders.Contains(name))
            {
                report.Error(path.ToJsonPath().Field(name), $"Header '{name}' frames the message or the connection and is set by the proxy; remove it.");
            }

            if (!HttpTokens.IsValidHeaderValue(value))
            {
                report.Error(path.ToJsonPath().Field(name), $"The value of header '{name}' contains a line break, a control character or a non-ASCII character; header values are limited to visible ASCII, spaces and tabs.");
            }
        }
    }
}
