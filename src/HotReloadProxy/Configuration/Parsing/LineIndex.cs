using System.Text;

namespace HotReloadProxy.Configuration.Parsing;

/// <summary>
/// Maps UTF-8 byte offsets to 1-based line and character column. Positions are asked for in file order, so
/// the column count continues from the previous position on the same line: a minified file is one long line,
/// and counting from the line start for every token would make parsing quadratic in its size.
/// </summary>
internal sealed class LineIndex
{
    private readonly ReadOnlyMemory<byte> _utf8;
    private int[]? _lineStarts;
    private bool _isAscii;
    private int _cursorLine = -1;
    private int _cursorOffset;
    private int _cursorChars;

    public LineIndex(ReadOnlyMemory<byte> utf8) => _utf8 = utf8;

    /// <summary>
    /// Where each line starts, found on the first position asked for: a valid file asks for none, and for a
    /// 10,000-route file the array is half a megabyte on the large object heap, which every reload would pay.
    /// </summary>
    private int[] LineStarts => _lineStarts ?? FindLineStarts();

    public SourcePosition At(long byteOffset)
    {
        var lineStarts = LineStarts;
        var offset = (int)Math.Clamp(byteOffset, 0, _utf8.Length);
        var line = Array.BinarySearch(lineStarts, offset);
        if (line < 0)
        {
            line = ~line - 1;
        }

        var lineStart = lineStarts[line];
        var chars = line == _cursorLine && offset >= _cursorOffset
            ? _cursorChars + CharCount(_cursorOffset, offset)
            : CharCount(lineStart, offset);
        (_cursorLine, _cursorOffset, _cursorChars) = (line, offset, chars);
        return new SourcePosition(line + 1, chars + 1);
    }

    private int CharCount(int from, int to) => _isAscii ? to - from : Encoding.UTF8.GetCharCount(_utf8.Span[from..to]);

    /// <summary>Converts the reader's (0-based line, byte-in-line) pair into a character column.</summary>
    public SourcePosition AtLineByte(long zeroBasedLine, long bytePositionInLine)
    {
        var lineStarts = LineStarts;
        var line = (int)Math.Clamp(zeroBasedLine, 0, lineStarts.Length - 1);
        return At(lineStarts[line] + bytePositionInLine);
    }

    private int[] FindLineStarts()
    {
        var bytes = _utf8.Span;
        _isAscii = System.Text.Ascii.IsValid(bytes);
        // Counted first so the starts fit one array of the exact size (a 1,000-route file has ~10,000 lines).
        var lineStarts = new int[bytes.Count((byte)'\n') + 1];
        var line = 1;
        for (var start = 0; line < lineStarts.Length; line++)
        {
            start += bytes[start..].IndexOf((byte)'\n') + 1;
            lineStarts[line] = start;
        }

        return _lineStarts = lineStarts;
    }
}
