namespace HotReloadProxy.Configuration.Validation;

/// <summary>RFC 9110 token characters, used by method and header names.</summary>
internal static class HttpTokens
{
    public static bool IsToken(string value) =>
        value.Length > 0 && value.All(c => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c, StringComparison.Ordinal));

    /// <summary>Header values may not carry line breaks or other control characters (header injection).</summary>
    public static bool IsValidHeaderValue(string value) => !value.Any(c => c is '\r' or '\n' or '\0');
}
