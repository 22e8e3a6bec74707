namespace HotReload.Core.Tests.Draining;

/// <summary>Builds WebSocket frames byte for byte (RFC 6455 section 5.2) for the parser and stream tests.</summary>
internal static class WebSocketFrames
{
    public const byte Text = 0x1;
    public const byte Binary = 0x2;
    public const byte Continuation = 0x0;
    public const byte Close = 0x8;
    public const byte Ping = 0x9;
    public const byte Pong = 0xA;

    /// <summary>A frame whose payload byte i is (seed + i) mod 251, so a torn or shifted payload shows.</summary>
    public static byte[] Frame(byte opcode, int payloadLength, bool fin = true, bool masked = false, int seed = 0)
    {
        var header = new List<byte> { (byte)((fin ? 0x80 : 0) | opcode) };
        var mask = masked ? 0x80 : 0;
        if (payloadLength < 126)
        {
            header.Add((byte)(mask | payloadLength));
        }
        else if (payloadLength <= ushort.MaxValue)
        {
            header.Add((byte)(mask | 126));
            header.Add((byte)(payloadLength >> 8));
            header.Add((byte)payloadLength);
        }
        else
        {
            header.Add((byte)(mask | 127));
            for (var shift = 56; shift >= 0; shift -= 8)
            {
                header.Add((byte)((long)payloadLength >> shift));
            }
        }

        if (masked)
        {
            header.AddRange([0x12, 0x34, 0x56, 0x78]);
        }

        var frame = new byte[header.Count + payloadLength];
        header.CopyTo(frame);
        for (var i = 0; i < payloadLength; i++)
        {
            frame[header.Count + i] = (byte)((seed + i) % 251);
        }

        return frame;
    }

    /// <summary>The frames end to end, and the offset just past each one.</summary>
    public static (byte[] Bytes, List<int> Ends) Concat(params byte[][] frames)
    {
        var bytes = frames.SelectMany(f => f).ToArray();
        var ends = new List<int>();
        var end = 0;
        foreach (var frame in frames)
        {
            end += frame.Length;
            ends.Add(end);
        }

        return (bytes, ends);
    }
}
