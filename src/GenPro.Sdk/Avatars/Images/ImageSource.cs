namespace GenPro.Sdk.Avatars.Images;

/// <summary>
/// Where an uploaded image's bytes come from. <see cref="OpenAsync"/> runs before the request starts: it opens and
/// sniffs the image, so every refusal happens before a byte is sent, and returns the part that streams it.
/// </summary>
internal abstract class ImageSource(string fileName)
{
    /// <summary>The file name sent in the part's <c>Content-Disposition</c>.</summary>
    public string FileName { get; } = fileName;

    /// <summary>Opens the image for one request; the part owns (and disposes) whatever was opened.</summary>
    /// <param name="paramName">The argument the caller passed the upload in, for exception messages.</param>
    /// <param name="body">The request body the part is for: a caller's stream is held by one body at a time (<see cref="StreamLeases"/>).</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    public abstract ValueTask<ImagePart> OpenAsync(string paramName, object body, CancellationToken cancellationToken);
}

/// <summary>A file on disk, opened afresh for every request (so the upload can be reused) and streamed from disk.</summary>
internal sealed class FileImageSource(string fullPath, string fileName) : ImageSource(fileName)
{
    public string FullPath { get; } = fullPath;

    /// <summary>Checks the file once when the upload is created, so a wrong path or format fails at the call site.</summary>
    public void Check(string paramName)
    {
        using var file = new FileStream(FullPath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
        Span<byte> head = stackalloc byte[ImageFormat.SniffLength];
        var length = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        ImageFormat.Require(head[..length], FileName, paramName);
    }

    public override async ValueTask<ImagePart> OpenAsync(string paramName, object body, CancellationToken cancellationToken)
    {
        // Unbuffered (bufferSize 0): the part copies through its own pooled buffer, so FileStream need not keep one.
        FileStream file;
        try
        {
            file = new FileStream(FullPath, new FileStreamOptions
            {
                Mode = FileMode.Open,
                Access = FileAccess.Read,
                Share = FileShare.Read,
                BufferSize = 0,
                Options = FileOptions.Asynchronous | FileOptions.SequentialScan,
            });
        }
        catch (UnauthorizedAccessException e) when (Directory.Exists(FullPath))
        {
            throw new ArgumentException($"The avatar file '{FileName}' was replaced by a directory after the upload was made.", paramName, e);
        }
        try
        {
            // Sniffed again: the file may have changed since the upload was created.
            var head = new byte[ImageFormat.SniffLength];
            var length = await ImageFormat.ReadHeadAsync(file, head, cancellationToken).ConfigureAwait(false);
            var contentType = ImageFormat.Require(head.AsSpan(0, length), FileName, paramName);
            file.Position = 0;
            return ImagePart.ForStream(file, contentType, ownsStream: true, FileName);
        }
        catch
        {
            await file.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}

/// <summary>Bytes in memory (already sniffed when the upload was created).</summary>
internal sealed class BytesImageSource(ReadOnlyMemory<byte> bytes, string fileName, string contentType) : ImageSource(fileName)
{
    public override ValueTask<ImagePart> OpenAsync(string paramName, object body, CancellationToken cancellationToken) =>
        ValueTask.FromResult(ImagePart.ForBytes(bytes, contentType, FileName));
}

/// <summary>
/// A caller's stream, read from its current position. A seekable one is sniffed and rewound, can be resent, and is
/// put back at that position when the call ends (<see cref="ImagePart"/>); a
/// non-seekable one is sniffed by reading its first bytes, which are then sent ahead of the rest (none is lost), and
/// can be sent only once. Left open unless the caller handed it over (<paramref name="handedOver"/>); then the part
/// that sends it disposes it, and so does the end of the call (<see cref="ReleaseIfHandedOver"/>) if it was never sent.
/// </summary>
internal sealed class StreamImageSource(Stream stream, string fileName, bool handedOver) : ImageSource(fileName)
{
    public void ReleaseIfHandedOver()
    {
        // A stream another call is sending (refused here as in use) is that call's to dispose when it ends.
        if (handedOver && !StreamLeases.IsHeld(stream))
        {
            stream.Dispose();
        }
    }

    public override async ValueTask<ImagePart> OpenAsync(string paramName, object body, CancellationToken cancellationToken)
    {
        var lease = StreamLeases.TryTake(stream, body) ?? throw new ArgumentException(
            $"The stream of avatar image '{FileName}' is being sent by another call: a stream can be in one upload at a time. "
            + "Upload it to one agent after another, or give each call its own stream.", paramName);
        try
        {
            var part = await SniffAsync(paramName, cancellationToken).ConfigureAwait(false);
            part.Lease = lease;
            return part;
        }
        catch
        {
            lease.Dispose();
            if (handedOver)
            {
                // Handed over and refused: the caller will not dispose it, so the SDK does, as it would after sending.
                await stream.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }
    }

    private async ValueTask<ImagePart> SniffAsync(string paramName, CancellationToken cancellationToken)
    {
        if (!stream.CanRead)
        {
            throw new ArgumentException($"The stream of avatar image '{FileName}' is closed or not readable.", paramName);
        }

        var head = new byte[ImageFormat.SniffLength];
        if (stream.CanSeek)
        {
            try
            {
                return await SniffSeekableAsync(head, paramName, cancellationToken).ConfigureAwait(false);
            }
            catch (NotSupportedException e)
            {
                // CanSeek said yes, then Position, Seek or Length said no: the stream is the caller's to fix, not a transport failure.
                throw new ArgumentException($"The stream of avatar image '{FileName}' says it can seek (CanSeek) but failed to: {e.Message}", paramName, e);
            }
        }

        var read = await ImageFormat.ReadHeadAsync(stream, head, cancellationToken).ConfigureAwait(false);
        var type = ImageFormat.Require(head.AsSpan(0, read), FileName, paramName);
        return ImagePart.ForNonSeekable(head.AsMemory(0, read), stream, type, ownsStream: handedOver, FileName);
    }

    private async ValueTask<ImagePart> SniffSeekableAsync(byte[] head, string paramName, CancellationToken cancellationToken)
    {
        var start = stream.Position;
        if (stream.Length < start)
        {
            throw new ArgumentException($"The stream of avatar image '{FileName}' is positioned past its end (Position {start}, Length {stream.Length}).", paramName);
        }

        string contentType;
        try
        {
            var length = await ImageFormat.ReadHeadAsync(stream, head, cancellationToken).ConfigureAwait(false);
            contentType = ImageFormat.Require(head.AsSpan(0, length), FileName, paramName);
        }
        finally
        {
            stream.Position = start; // refused or not, the caller's stream is where it was
        }

        return ImagePart.ForStream(stream, contentType, ownsStream: handedOver, FileName);
    }
}
