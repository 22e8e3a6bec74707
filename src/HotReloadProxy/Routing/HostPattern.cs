using System.Buffers;

namespace HotReloadProxy.Routing;

/// <summary>A host constraint: <c>example.com</c>, <c>*.example.com</c> (any subdomain), optionally with <c>:port</c>.</summary>
internal sealed class HostPattern
{
    // What a host name or a bracketed IPv6 literal may hold.
    private static readonly SearchValues<char> NameChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-[]:");

    private readonly string _host;
    private readonly bool _wildcard;
    private readonly int? _port;

    private HostPattern(string host, bool wildcard, int? port)
    {
        _host = host;
        _wildcard = wildcard;
        _port = port;
    }

    public static bool TryParse(string text, out HostPattern? pattern)
    {
        ArgumentNullException.ThrowIfNull(text);
        pattern = null;
        var host = text;
        int? port = null;
        var colon = text.LastIndexOf(':');
        if (colon > 0 && !text.EndsWith(']'))
        {
            if (!int.TryParse(text.AsSpan(colon + 1), out var parsedPort) || parsedPort is < 1 or > 65535)
            {
                return false;
            }

            port = parsedPort;
            host = text[..colon];
        }

        var wildcard = host.StartsWith("*.", StringComparison.Ordinal);
        var name = wildcard ? host[2..] : host;
        // ':' belongs only inside a bracketed IPv6 literal ("[::1]"); ":8080" or "::1" would match no request.
        if (name.Length == 0 || name.Contains('*', StringComparison.Ordinal) ||
            name.AsSpan().ContainsAnyExcept(NameChars) ||
            (name.Contains(':', StringComparison.Ordinal) && !(name.StartsWith('[') && name.EndsWith(']'))))
        {
            return false;
        }

        pattern = new HostPattern(name, wildcard, port);
        return true;
    }

    public bool Matches(string requestHost, int? requestPort)
    {
        ArgumentNullException.ThrowIfNull(requestHost);
        if (_port is { } port && port != requestPort)
        {
            return false;
        }

        if (!_wildcard)
        {
            return string.Equals(requestHost, _host, StringComparison.OrdinalIgnoreCase);
        }

        return requestHost.Length > _host.Length + 1 &&
               requestHost.EndsWith(_host, StringComparison.OrdinalIgnoreCase) &&
               requestHost[^(_host.Length + 1)] == '.';
    }
}
