namespace HotReloadProxy.Draining.WebSockets;

/// <summary>
/// The client side of a proxied WebSocket, as the forwarder sees it. Reads pass through. Writes (the upstream's
/// frames on their way to the client) pass through one at a time while the frame boundaries are followed, so that
/// <see cref="CloseGoingAwayAsync"/> can put a close frame (1001) between two frames, never inside one. Once the
/// close frame is written, the forwarder's writes are dropped: nothing may follow a close frame, and the upstream's
/// own reply to the client's close (forwarded by the reads) goes nowhere.
/// </summary>
internal sealed class GoingAwayStream(Stream inner, byte[] closeFrame) : Stream
{
    // The forwarder's copy loop and the drain bound's close write from different threads; the Kestrel stream
    // takes one write or flush at a time.
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly WebSocketFrameBoundaries _frames = new();
    private readonly TaskCompletionSource _closeWritten = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _closeRequested;
    private bool _closed;

    public override bool CanRead => inner.CanRead;

    public override bool CanSeek => false;

    public override bool CanWrite => inner.CanWrite;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>True once the close frame has been written whole.</summary>
    public bool CloseWritten => _closeWritten.Task.IsCompletedSuccessfully;

    /// <summary>
    /// Writes the close frame at the next frame boundary: now when the client has every frame whole, otherwise
    /// once the forwarder finishes writing the frame in progress. Completes when the close frame is written; fails
    /// when writing it failed.
    /// </summary>
    public async Task CloseGoingAwayAsync()
    {
        _closeRequested = true;
        await _writeGate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (!_closed && _frames.AtBoundary)
            {
                await WriteCloseAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
        finally
        {
            _writeGate.Release();
        }

        await _closeWritten.Task.ConfigureAwait(false);
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_closed)
            {
                return;
            }

            if (!_closeRequested)
            {
                _frames.Consume(buffer.Span);
                await inner.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
                return;
            }

            // Closing: only the rest of the frame in progress may still go out, then the close frame.
            var rest = _frames.AtBoundary ? 0 : _frames.ConsumeToNextBoundary(buffer.Span);
            if (rest > 0)
            {
                await inner.WriteAsync(buffer[..rest], cancellationToken).ConfigureAwait(false);
            }

            if (_frames.AtBoundary)
            {
                await WriteCloseAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_closed)
            {
                await inner.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        inner.ReadAsync(buffer, cancellationToken);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        inner.ReadAsync(buffer, offset, count, cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

    // The forwarder writes asynchronously only, and a blocking write could not take the write gate without
    // blocking a thread on another thread's network write.
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("Write asynchronously.");

    public override void Flush() => throw new NotSupportedException("Flush asynchronously.");

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            AbandonClose();
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        AbandonClose();
        await inner.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>A close still waiting for the frame in progress to end will not get its turn.</summary>
    private void AbandonClose()
    {
        if (_closeRequested)
        {
            _closeWritten.TrySetException(new ObjectDisposedException(nameof(GoingAwayStream), "The WebSocket tunnel ended before the close frame could be written."));
        }
    }

    private async Task WriteCloseAsync(CancellationToken cancellationToken)
    {
        _closed = true;
        try
        {
            await inner.WriteAsync(closeFrame, cancellationToken).ConfigureAwait(false);
            await inner.FlushAsync(cancellationToken).ConfigureAwait(false);
            _closeWritten.TrySetResult();
        }
        catch (Exception e)
        {
            _closeWritten.TrySetException(e);
            throw;
        }
    }
}
