namespace HotReloadProxy.Snapshots;

/// <summary>
/// A cluster's <see cref="HttpMessageInvoker"/> (and its connection pool), shared by every snapshot whose
/// cluster config is unchanged. Each snapshot holds one reference; the invoker is disposed when the last
/// snapshot using it is released, which is after the last request on that snapshot finished.
/// </summary>
internal sealed class SharedInvoker
{
    private int _references = 1;

    public SharedInvoker(HttpMessageInvoker invoker) => Invoker = invoker;

    public HttpMessageInvoker Invoker { get; }

    public bool IsDisposed => Volatile.Read(ref _references) == 0;

    internal SharedInvoker AddReference()
    {
        var after = Interlocked.Increment(ref _references);
        if (after <= 1)
        {
            throw new InvalidOperationException("An invoker was reused after it was disposed.");
        }

        return this;
    }

    internal void Release()
    {
        if (Interlocked.Decrement(ref _references) == 0)
        {
            Invoker.Dispose();
        }
    }
}
