using System.Text;

namespace HotReloadProxy.Configuration.Parsing;

/// <summary>
/// Maps UTF-8 byte offsets to 1-based line and character column. Positions are asked for in file order, so
/// the column count continues from the previous position on the same line: a minified file is one long line,
/// and counting from the line start for every token would make parsing quadratic in its size.
/// </summary>
internal sealed class LineIndex
{
    private readonly byte[] _utf8;
    private readonly List<int> _lineStarts = [0];
    private readonly bool _hasBom;
    private readonly bool _isAscii;
    private int _cursorLine = -1;
    private int _cursorOffset;
    private int _cursorChars;

    public LineIndex(byte[] utf8)
    {
        _utf8 = utf8;
        _hasBom = utf8.AsSpan().StartsWith("\uFEFF"u8);
        _isAscii = System.Text.Ascii.IsValid(utf8);
        for (var i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] == (byte)'\n')
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
        var column = chars + 1;
        if (line == 0 && _hasBom && offset >= 3)
        {
            // Editors neither show nor count a UTF-8 byte order mark: the character after it is column 1.
            column--;
        }

        return new SourcePosition(line + 1, column);
    }

    private int CharCount(int from, int to) => _isAscii ? to - from : Encoding.UTF8.GetCharCount(_utf8, from, to - from);

    /// <summary>Converts the reader's (0-based line, byte-in-line) pair into a character column.</summary>
    public SourcePosition AtLineByte(long zeroBasedLine, long bytePositionInLine)
    {
        var line = (int)Math.Clamp(zeroBasedLine, 0, _lineStarts.Count - 1);
        return At(_lineStarts[line] + bytePositionInLine);
    }
}
