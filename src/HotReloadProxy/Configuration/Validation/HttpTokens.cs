namespace HotReloadProxy.Configuration.Validation;

/// <summary>RFC 9110 token characters, used by method and header names.</summary>
internal static class HttpTokens
{
    public static bool IsToken(string value) =>
        value.Length > 0 && value.All(c => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c, StringComparison.Ordinal));

    /// <summary>
    /// Header values are visible ASCII, spaces and tabs: line breaks would inject headers, and Kestrel (for
    /// responses) and HttpClient (for forwarded requests) refuse other control and non-ASCII characters,
    /// which would fail every request on the route instead of the reload.
    /// </summary>
    public static bool IsValidHeaderValue(string value) => value.All(c => c == '\t' || c is >= ' ' and <= '~');
}
