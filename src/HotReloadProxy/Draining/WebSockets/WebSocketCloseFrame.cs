using System.Text;

namespace HotReloadProxy.Draining.WebSockets;

/// <summary>A server-to-client close frame (RFC 6455 sections 5.5.1 and 7.4): unmasked, FIN set, status then a UTF-8 reason.</summary>
internal static class WebSocketCloseFrame
{
    /// <summary>1001: the endpoint is going away (here: its route is no longer served).</summary>
    public const ushort GoingAway = 1001;

    // A control frame's payload is at most 125 bytes, two of which are the status.
    private const int MaxReasonBytes = 123;

    public static byte[] Build(ushort status, string reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        var encoded = Encoding.UTF8.GetBytes(reason);
        var reasonLength = Math.Min(encoded.Length, MaxReasonBytes);

        // Never end on half a character: step back over UTF-8 continuation bytes (10xxxxxx).
        while (reasonLength < encoded.Length && reasonLength > 0 && (encoded[reasonLength] & 0xC0) == 0x80)
        {
            reasonLength--;
        }

        var frame = new byte[4 + reasonLength];
        frame[0] = 0x88;
        frame[1] = (byte)(2 + reasonLength);
        frame[2] = (byte)(status >> 8);
        frame[3] = (byte)status;
        encoded.AsSpan(0, reasonLength).CopyTo(frame.AsSpan(4));
        return frame;
    }
}
