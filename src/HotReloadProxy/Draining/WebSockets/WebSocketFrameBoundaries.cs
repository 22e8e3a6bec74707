namespace HotReloadProxy.Draining.WebSockets;

/// <summary>
/// Follows a byte stream of WebSocket frames (RFC 6455 section 5.2) to know where each frame ends, however the
/// bytes are split into writes. Only the headers are read (the second byte's 7-bit length, then the 16- or 64-bit
/// extended length, then the mask key when the mask bit is set); payload bytes are counted past, never kept or
/// checked, so a torn or wrong frame is the peer's problem, not this parser's.
/// </summary>
internal sealed class WebSocketFrameBoundaries
{
    private const int ShortHeaderLength = 2;
    private const int MaskKeyLength = 4;

    // Progress through the current frame's header: 0 means no byte of a new frame has been seen yet.
    private int _headerSeen;
    private int _headerLength = ShortHeaderLength;
    private int _extendedLengthBytes;
    private ulong _payloadLength;
    private ulong _payloadLeft;

    /// <summary>True when every byte seen so far belongs to a whole frame: a frame may be written next.</summary>
    public bool AtBoundary => _headerSeen == 0 && _payloadLeft == 0;

    /// <summary>Frames seen to their end so far.</summary>
    public long FramesEnded { get; private set; }

    /// <summary>Reads all of <paramref name="bytes"/>.</summary>
    public void Consume(ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            bytes = bytes[ConsumeToNextBoundary(bytes)..];
        }
    }

    /// <summary>
    /// Reads <paramref name="bytes"/> up to and including the end of the first frame that ends in them, and
    /// returns how many bytes that is: all of them when no frame ends there.
    /// </summary>
    public int ConsumeToNextBoundary(ReadOnlySpan<byte> bytes)
    {
        var used = 0;
        while (used < bytes.Length)
        {
            if (_payloadLeft > 0)
            {
                var take = (int)Math.Min((ulong)(bytes.Length - used), _payloadLeft);
                used += take;
                _payloadLeft -= (ulong)take;
                if (_payloadLeft == 0)
                {
                    FramesEnded++;
                    return used;
                }

                continue;
            }

            ReadHeaderByte(bytes[used++]);
            if (_headerSeen == _headerLength)
            {
                _headerSeen = 0;
                _payloadLeft = _payloadLength;
                if (_payloadLeft == 0)
                {
                    FramesEnded++;
                    return used;
                }
            }
        }

        return used;
    }

    private void ReadHeaderByte(byte value)
    {
        var index = _headerSeen++;
        if (index == 0)
        {
            // FIN, RSV1-3 and the opcode: whatever they say, the frame is delimited the same way.
            _headerLength = ShortHeaderLength;
            return;
        }

        if (index == 1)
        {
            var length = value & 0x7F;
            _extendedLengthBytes = length switch { 126 => 2, 127 => 8, _ => 0 };
            _payloadLength = _extendedLengthBytes == 0 ? (ulong)length : 0;
            _headerLength = ShortHeaderLength + _extendedLengthBytes + ((value & 0x80) != 0 ? MaskKeyLength : 0);
            return;
        }

        if (index < ShortHeaderLength + _extendedLengthBytes)
        {
            // Network byte order, most significant byte first.
            _payloadLength = (_payloadLength << 8) | value;
        }
    }
}
