namespace GenPro.Sdk.Tests.CallerInput;

/// <summary>
/// A caller's stream that misbehaves in one chosen way: it announces a wrong <see cref="Length"/>, says it can seek and
/// then refuses to, returns a few bytes per read, or ignores cancellation and hangs after its first bytes.
/// </summary>
public sealed class LyingStream(byte[] bytes) : Stream
{
    private readonly MemoryStream _inner = new(bytes);

    /// <summary>What <see cref="Length"/> says, when set; the true length otherwise.</summary>
    public long? AnnouncedLength { get; init; }

    /// <summary>At most this many bytes per read.</summary>
    public int MaxRead { get; init; } = int.MaxValue;

    public bool Seekable { get; init; } = true;

    /// <summary>Says it can seek, then throws <see cref="NotSupportedException"/> on Position, Seek and Length.</summary>
    public bool SeekThrows { get; init; }

    /// <summary>When set, a read after the first <see cref="SniffLength"/> bytes waits for this, ignoring its token.</summary>
    public TaskCompletionSource? HangAfterHead { get; init; }

    public const int SniffLength = 16;

    private readonly TaskCompletionSource _hanging = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when a read starts waiting for <see cref="HangAfterHead"/>.</summary>
    public Task Hanging => _hanging.Task;

    public override bool CanRead => true;

    public override bool CanSeek => Seekable;

    public override bool CanWrite => false;

    public override long Length => SeekThrows ? throw new NotSupportedException("this stream cannot tell its length") : AnnouncedLength ?? _inner.Length;

    public override long Position
    {
        get => SeekThrows ? throw new NotSupportedException("this stream cannot seek") : _inner.Position;
        set => _inner.Position = SeekThrows ? throw new NotSupportedException("this stream cannot seek") : value;
    }

    public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, Math.Min(count, MaxRead));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (HangAfterHead is { } hang && _inner.Position >= SniffLength)
        {
            _hanging.TrySetResult();
            await hang.Task; // ignores the token on purpose
        }

        return _inner.Read(buffer.Span[..Math.Min(buffer.Length, MaxRead)]);
    }

    public override long Seek(long offset, SeekOrigin origin) =>
        SeekThrows ? throw new NotSupportedException("this stream cannot seek") : _inner.Seek(offset, origin);

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
