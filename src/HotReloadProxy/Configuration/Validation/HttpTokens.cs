using System.Buffers;

namespace HotReloadProxy.Configuration.Validation;

/// <summary>RFC 9110 token characters, used by method and header names.</summary>
internal static class HttpTokens
{
    private static readonly SearchValues<char> TokenChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-.^_`|~");

    private static readonly SearchValues<char> HeaderValueChars =
        SearchValues.Create("\t" + string.Concat(Enumerable.Range(' ', '~' - ' ' + 1).Select(c => (char)c)));

    // Span searches, not LINQ over the string: these run for every method and header of every route on each
    // reload, and enumerating a string through IEnumerable<char> allocates an enumerator per call.
    public static bool IsToken(string value) => value.Length > 0 && !value.AsSpan().ContainsAnyExcept(TokenChars);

    /// <summary>
    /// Header values are visible ASCII, spaces and tabs: line breaks would inject headers, and Kestrel (for
    /// responses) and HttpClient (for forwarded requests) refuse other control and non-ASCII characters,
    /// which would fail every request on the route instead of the reload.
    /// </summary>
    public static bool IsValidHeaderValue(string value) => !value.AsSpan().ContainsAnyExcept(HeaderValueChars);
}
