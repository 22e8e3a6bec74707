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
    private readonly List<int> _lineStarts = [0];
    private readonly bool _isAscii;
    private int _cursorLine = -1;
    private int _cursorOffset;
    private int _cursorChars;

    public LineIndex(ReadOnlyMemory<byte> utf8)
    {
        _utf8 = utf8;
        var bytes = utf8.Span;
        _isAscii = System.Text.Ascii.IsValid(bytes);
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                _lineStarts.Add(i + 1);
            }
        }
    }

    public SourcePosition At(long byteOffset)
    {
        var offset = (int)Math.Clamp(byteOffset, 0, _utf8.Length);
        var line = _lineStarts.BinarySearch(offset);
        if (line < 0)
        {
            line = ~line - 1;
        }

        var lineStart = _lineStarts[line];
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
        var line = (int)Math.Clamp(zeroBasedLine, 0, _lineStarts.Count - 1);
        return At(_lineStarts[line] + bytePositionInLine);
    }
}
