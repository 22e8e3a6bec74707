namespace HotReload.Property.Tests.Generators;

/// <summary>One edit of a file's bytes, as an interrupted write, a bad disk or a careless editor makes them.</summary>
internal abstract record ByteMutation
{
    /// <summary>Bytes that matter to a JSON reader: structure, strings, escapes, a BOM and broken UTF-8.</summary>
    public static readonly byte[] Interesting = "{}[]\":,\\/*\n\r\t 0-.eE"u8.ToArray().Concat(new byte[] { 0x00, 0xEF, 0xBB, 0xBF, 0xC3, 0x80, 0xFF, 0xF0 }).ToArray();

    public abstract byte[] Apply(byte[] bytes);

    /// <summary>Positions are taken modulo the length, so a mutation stays meaningful when shrinking shortens the input.</summary>
    protected static int At(int position, int length) => length == 0 ? 0 : (int)((uint)position % (uint)length);

    public sealed record Truncate(int Position) : ByteMutation
    {
        public override byte[] Apply(byte[] bytes) => bytes[..At(Position, bytes.Length)];
    }

    public sealed record FlipBit(int Position, int Bit) : ByteMutation
    {
        public override byte[] Apply(byte[] bytes)
        {
            if (bytes.Length == 0)
            {
                return bytes;
            }

            var copy = (byte[])bytes.Clone();
            copy[At(Position, copy.Length)] ^= (byte)(1 << (Bit & 7));
            return copy;
        }
    }

    public sealed record Insert(int Position, byte Value) : ByteMutation
    {
        public override byte[] Apply(byte[] bytes)
        {
            var at = At(Position, bytes.Length + 1);
            return [.. bytes[..at], Value, .. bytes[at..]];
        }
    }

    public sealed record Delete(int Position, int Count) : ByteMutation
    {
        public override byte[] Apply(byte[] bytes)
        {
            var at = At(Position, bytes.Length);
            var end = Math.Min(bytes.Length, at + Math.Max(1, Count));
            return [.. bytes[..at], .. bytes[end..]];
        }
    }

    /// <summary>A stretch of the file written twice, as an append racing a rewrite leaves it.</summary>
    public sealed record Duplicate(int Position, int Count) : ByteMutation
    {
        public override byte[] Apply(byte[] bytes)
        {
            var at = At(Position, bytes.Length);
            var end = Math.Min(bytes.Length, at + Math.Max(1, Count));
            return [.. bytes[..end], .. bytes[at..]];
        }
    }
}
