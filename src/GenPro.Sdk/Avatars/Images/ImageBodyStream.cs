using GenPro.Sdk.Operations;

namespace GenPro.Sdk.Avatars.Images;

/// <summary>
/// The body of an avatar picture as <see cref="AvatarImage.Content"/> hands it out: first the bytes the format check read,
/// then the network stream, each read under the call's deadline (and the read's own token), counted against
/// <see cref="GenProClientOptions.MaxImageSize"/>. Failures are the SDK's typed exceptions. It owns the response and the
/// running call: disposing it closes the body (so the connection is released, or closed when the rest is large or slow),
/// disposes the response and ends the deadline.
/// </summary>
internal sealed class ImageBodyStream(
    AvatarImageReader reader, Stream inner, byte[] head, int headCount, HttpResponseMessage response, OperationContext call) : Stream
{
    private int _headPosition;
    private long _read = headCount;
    private int _disposed;

    public override bool CanRead => _disposed == 0;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _read - (headCount - _headPosition);
        set => throw new NotSupportedException();
    }

    internal static bool IsReadFailure(Exception e) =>
        e is IOException or HttpRequestException or OperationCanceledException or ObjectDisposedException;

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        if (buffer.IsEmpty)
        {
            return 0;
        }

        if (_headPosition < headCount)
        {
            var replayed = Math.Min(buffer.Length, headCount - _headPosition);
            head.AsMemory(_headPosition, replayed).CopyTo(buffer);
            _headPosition += replayed;
            return replayed;
        }

        int read;
        var deadline = call.Deadline.Token;
        var linked = cancellationToken.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline) : null;
        try
        {
            read = await inner.ReadAsync(buffer, linked?.Token ?? deadline).ConfigureAwait(false);
        }
        catch (Exception e) when (IsReadFailure(e) && _disposed == 0)
        {
            throw reader.ReadFailure(e, response, call, cancellationToken);
        }
        finally
        {
            linked?.Dispose();
        }

        _read += read;
        return _read > reader.MaxImageSize
            ? throw call.Tag(reader.TooLarge(response, call, "its body is larger than", "stopped reading it"))
            : read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    // Synchronous reads go through the asynchronous path, so the deadline bounds them too (a sync read of a network
    // stream would otherwise wait on a silent CDN forever). There is no synchronization context in the SDK's awaits.
    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count), CancellationToken.None).AsTask().GetAwaiter().GetResult();

    public override int Read(Span<byte> buffer)
    {
        var rented = new byte[buffer.Length];
        var read = Read(rented, 0, rented.Length);
        rented.AsSpan(0, read).CopyTo(buffer);
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            try
            {
                inner.Dispose();
                response.Dispose();
            }
            finally
            {
                call.Dispose();
            }
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            try
            {
                await inner.DisposeAsync().ConfigureAwait(false);
                response.Dispose();
            }
            finally
            {
                call.Dispose();
            }
        }

        await base.DisposeAsync().ConfigureAwait(false);
    }
}
