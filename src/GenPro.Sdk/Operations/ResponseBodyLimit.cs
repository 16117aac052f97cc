namespace GenPro.Sdk.Operations;

/// <summary>
/// Caps how much of a success body the SDK reads (<see cref="GenProClientOptions.MaxResponseBodySize"/>), counted on
/// the stream the JSON reader sees, so after automatic decompression: a small gzip that inflates to gigabytes stops
/// at the limit like an endless chunked body does. A <c>Content-Length</c> above the limit is refused before reading.
/// </summary>
internal static class ResponseBodyLimit
{
    public static Stream Wrap(Stream body, long? contentLength, long limit)
    {
        ThrowIfAnnouncedAbove(contentLength, limit);
        return new CountingStream(body, limit);
    }

    /// <summary>Refuses a body whose <c>Content-Length</c> is above the limit, before a byte of it is read.</summary>
    public static void ThrowIfAnnouncedAbove(long? contentLength, long limit)
    {
        if (contentLength is { } length && length > limit)
        {
            throw new ResponseBodyTooLargeException(limit, $"its Content-Length ({length} bytes) is above");
        }
    }

    /// <summary>The exception for a body that has run past the limit while it was read.</summary>
    public static ResponseBodyTooLargeException Exceeded(long limit) => new(limit, "its body is larger than");

    /// <summary>A body past the limit: caught by the runner and turned into a <see cref="GenProApiException"/>.</summary>
    internal sealed class ResponseBodyTooLargeException(long limit, string what)
        : IOException($"{what} GenProClientOptions.MaxResponseBodySize ({limit} bytes, counted after decompression); the SDK stopped reading it.");

    /// <summary>A read-only view of the body that throws once more than the limit has been read.</summary>
    private sealed class CountingStream(Stream inner, long limit) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => _read;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Count(await inner.ReadAsync(buffer.AsMemory(offset, count), cancellationToken).ConfigureAwait(false));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }

        private int Count(int read)
        {
            _read += read;
            return _read > limit ? throw Exceeded(limit) : read;
        }
    }
}
