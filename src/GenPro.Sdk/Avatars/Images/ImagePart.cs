using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using GenPro.Sdk.Bodies;

namespace GenPro.Sdk.Avatars.Images;

/// <summary>
/// The body of one image part. Streams from its source to the socket through one pooled buffer, so an upload costs
/// the same memory whatever its size; reports its length when known so the whole form gets a <c>Content-Length</c>
/// (a non-seekable stream has none, and the form goes chunked).
/// </summary>
internal sealed class ImagePart : HttpContent
{
    private const int CopyBufferSize = 81920;

    private readonly ReadOnlyMemory<byte> _head;
    private readonly Stream? _stream;
    private readonly long _start;
    private readonly long? _length;
    private readonly bool _ownsStream;
    private readonly string _fileName;
    private bool _sent;
    private bool _readAbandoned;

    private ImagePart(ReadOnlyMemory<byte> head, Stream? stream, long? length, bool replayable, bool ownsStream, string contentType, string fileName)
    {
        _fileName = fileName;
        _head = head;
        _stream = stream;
        _start = stream is { CanSeek: true } ? stream.Position : 0;
        _length = length;
        IsReplayable = replayable;
        _ownsStream = ownsStream;
        Headers.ContentType = new MediaTypeHeaderValue(contentType);
    }

    /// <summary>The hold on a caller's stream (<see cref="StreamLeases"/>), released when the part is disposed.</summary>
    public IDisposable? Lease { get; set; }

    /// <summary>Whether the part can be serialized again (for a retry); false only for a non-seekable stream.</summary>
    public bool IsReplayable { get; }

    public static ImagePart ForBytes(ReadOnlyMemory<byte> bytes, string contentType, string fileName) =>
        new(bytes, stream: null, bytes.Length, replayable: true, ownsStream: false, contentType, fileName);

    /// <summary>A seekable stream, sent from its current position to its end.</summary>
    public static ImagePart ForStream(Stream stream, string contentType, bool ownsStream, string fileName) =>
        new(ReadOnlyMemory<byte>.Empty, stream, stream.Length - stream.Position, replayable: true, ownsStream, contentType, fileName);

    /// <summary>A non-seekable stream whose first bytes (<paramref name="head"/>) were already read to sniff it.</summary>
    public static ImagePart ForNonSeekable(ReadOnlyMemory<byte> head, Stream stream, string contentType, bool ownsStream, string fileName) =>
        new(head, stream, length: null, replayable: false, ownsStream, contentType, fileName);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        if (_sent && !IsReplayable)
        {
            throw new InvalidOperationException("This avatar upload reads a non-seekable stream, so it cannot be sent twice.");
        }

        _sent = true;
        if (!_head.IsEmpty)
        {
            await stream.WriteAsync(_head, cancellationToken).ConfigureAwait(false);
        }

        if (_stream is null)
        {
            return;
        }

        if (_stream.CanSeek)
        {
            try
            {
                _stream.Position = _start; // a resend starts over
            }
            catch (Exception e)
            {
                throw Unreadable(e);
            }
        }

        var buffer = ArrayPool<byte>.Shared.Rent(CopyBufferSize);
        try
        {
            if (_length is { } length)
            {
                await CopyDeclaredAsync(_stream, stream, buffer, length - _head.Length, cancellationToken).ConfigureAwait(false);
                return;
            }

            int read;
            while ((read = await ReadSourceAsync(_stream, buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                await stream.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            if (!_readAbandoned)
            {
                ArrayPool<byte>.Shared.Return(buffer); // not while an abandoned read may still write into it
            }
        }
    }

    /// <summary>
    /// Copies exactly the <paramref name="declared"/> bytes the part announced (the stream's <c>Length</c> from its
    /// position, or the file's size) and proves the source ends there before writing the last of them: a stream whose
    /// <c>Length</c> lies, or a file that grows or shrinks while it is sent, fails as the caller's
    /// <see cref="IOException"/> before the request is complete, so the server never acts on a cut or padded image
    /// (<see cref="HttpClient"/> would call the mismatch a broken connection).
    /// </summary>
    private async Task CopyDeclaredAsync(Stream source, Stream target, byte[] buffer, long declared, CancellationToken cancellationToken)
    {
        var remaining = declared;
        while (true)
        {
            var chunk = buffer.AsMemory(0, (int)Math.Min(buffer.Length - 1, remaining + 1)); // leaves room to probe one byte past
            var read = await ReadSourceAsync(source, chunk, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                if (remaining > 0)
                {
                    throw Lied($"ended {remaining} bytes before the {declared} its Length announced");
                }

                return;
            }

            if (read > remaining || (read == remaining && await ReadSourceAsync(source, buffer.AsMemory(read, 1), cancellationToken).ConfigureAwait(false) > 0))
            {
                throw Lied($"holds more than the {declared} bytes its Length announced");
            }

            await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            remaining -= read;
            if (remaining == 0)
            {
                return;
            }
        }
    }

    private CallerFailure Lied(string what) =>
        new(new IOException($"The avatar image '{_fileName}' could not be sent as announced: its stream {what} (a stream's Length must not change while it is uploaded)."));

    /// <summary>
    /// Reads the caller's stream (or file); a failure there is the caller's, not the connection's, so it leaves as the
    /// documented <see cref="IOException"/> naming the image (<see cref="CallerFailure"/>), where <see cref="HttpClient"/>
    /// would report it as a broken connection. Cancellation stays cancellation.
    /// </summary>
    private async ValueTask<int> ReadSourceAsync(Stream source, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        try
        {
            var reading = source.ReadAsync(buffer, cancellationToken);
            if (reading.IsCompleted)
            {
                return await reading.ConfigureAwait(false);
            }

            // A stream that ignores cancellation would hold the call past the caller's cancellation and the timeout.
            var pending = reading.AsTask();
            try
            {
                return await pending.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!pending.IsCompleted)
            {
                _readAbandoned = true;
                _ = pending.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                throw;
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw Unreadable(e);
        }
    }

    private CallerFailure Unreadable(Exception e) =>
        new(new IOException($"The avatar image '{_fileName}' could not be read while it was sent: {e.Message}", e));

    protected override bool TryComputeLength(out long length)
    {
        length = _length ?? 0;
        return _length.HasValue;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && _ownsStream)
        {
            _stream?.Dispose();
        }
        else if (disposing && _stream is { CanSeek: true })
        {
            // The caller's stream goes back where the SDK found it, so it can be uploaded again; a stream that fails to
            // seek now (it failed the upload already, or was closed by the caller) is left as it is: Dispose does not throw.
            try
            {
                _stream.Position = _start;
            }
            catch (Exception e) when (e is NotSupportedException or IOException or ObjectDisposedException)
            {
            }
        }

        if (disposing)
        {
            Lease?.Dispose(); // after the position is restored: the next call finds the stream as the caller left it
        }

        base.Dispose(disposing);
    }
}
