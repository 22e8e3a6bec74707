using System.Buffers;
using System.Runtime.CompilerServices;

namespace HotReloadProxy.Configuration.Parsing;

/// <summary>
/// A list whose length is known only at its end, grown on arrays borrowed from the shared pool: only the
/// exact-size result is allocated, not every array it outgrew on the way.
/// </summary>
/// <remarks>A mutable struct: keep it in a plain local (not a <c>using</c> one, which is read-only) and dispose it in a <c>finally</c>.</remarks>
internal struct PooledList<T>() : IDisposable
{
    private T[] _items = ArrayPool<T>.Shared.Rent(16);
    private int _count;

    public void Add(T item)
    {
        if (_count == _items.Length)
        {
            var larger = ArrayPool<T>.Shared.Rent(_items.Length * 2);
            _items.AsSpan(0, _count).CopyTo(larger);
            Return(_items);
            _items = larger;
        }

        _items[_count++] = item;
    }

    public readonly T[] ToArray() => _items.AsSpan(0, _count).ToArray();

    public void Dispose()
    {
        Return(_items);
        _items = [];
        _count = 0;
    }

    // Cleared on return when they hold references, so the pool keeps no config alive.
    private static void Return(T[] items) => ArrayPool<T>.Shared.Return(items, RuntimeHelpers.IsReferenceOrContainsReferences<T>());
}
