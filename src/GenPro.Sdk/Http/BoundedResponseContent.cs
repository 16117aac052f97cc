using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.ExceptionServices;
using GenPro.Sdk.Operations;

namespace GenPro.Sdk.Http;

/// <summary>
/// A response body as the operation may read it, put in place of the pipeline's by <see cref="OperationHandler"/> so
/// that no reader above it (Refit buffering a success body, <see cref="HttpClient"/> buffering the answer of a method
/// declared without a result, the error factory) reads past what the operation allows or past its deadline:
/// <list type="bullet">
/// <item>a body the operation reads stops at <see cref="GenProClientOptions.MaxResponseBodySize"/> (counted after
/// decompression; a larger <c>Content-Length</c> is refused before reading) with <see cref="ResponseBodyLimit.ResponseBodyTooLargeException"/>;</item>
/// <item>a body the operation does not read, and an error body, are cut at their limit without an error (the error
/// factory quotes at most <see cref="Errors.ApiErrorFactory.MaxBodyBytes"/>), and one that breaks off keeps what arrived.</item>
/// </list>
/// Refit buffers a success body before handing it to the serializer and ignores a failure while doing so; the failure
/// is kept here and thrown again when the serializer reads, so it is reported as what it was.
/// </summary>
internal sealed class BoundedResponseContent : HttpContent
{
    private const int CopyBufferSize = 16 * 1024;

    private readonly HttpContent _inner;
    private readonly long _limit;
    private readonly bool _truncate;
    private ExceptionDispatchInfo? _failure;

    public BoundedResponseContent(HttpResponseMessage response, OperationContext call, long limit, bool truncate)
    {
        Call = call;
        _inner = response.Content;
        _limit = limit;
        _truncate = truncate;
        Response = response;
        if (!response.IsSuccessStatusCode)
        {
            // Errors are rare and their content type is quoted: every reader sees the headers as the server sent them.
            foreach (var header in _inner.Headers.NonValidated)
            {
                Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }
    }

    /// <summary>The response this body belongs to, for the serializer's messages.</summary>
    public HttpResponseMessage Response { get; }

    /// <summary>The operation the response answers.</summary>
    public OperationContext Call { get; }

    /// <summary>What ended an attempt to buffer the body, to be reported as what it was.</summary>
    public Exception? Failure => _failure?.SourceException;

    /// <summary>The content headers as the server sent them (a success's are not copied here: only hooks ask for them).</summary>
    public HttpContentHeaders InnerHeaders => _inner.Headers;

    /// <summary>The headers of <paramref name="response"/>'s content as the server sent them, whether bounded or not.</summary>
    public static HttpContentHeaders HeadersOf(HttpResponseMessage response) =>
        response.Content is BoundedResponseContent bounded ? bounded.InnerHeaders : response.Content.Headers;

    protected override bool TryComputeLength(out long length)
    {
        // A length above the limit is not passed on: a buffer of that size would be allocated before a byte is read.
        length = _inner.Headers.ContentLength is { } known && known <= _limit ? known : 0;
        return length > 0 || _inner.Headers.ContentLength == 0;
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        if (_truncate && _limit == 0)
        {
            return;
        }

        var deadline = Deadline(cancellationToken);
        var buffer = ArrayPool<byte>.Shared.Rent(CopyBufferSize);
        try
        {
            if (!_truncate)
            {
                ResponseBodyLimit.ThrowIfAnnouncedAbove(_inner.Headers.ContentLength, _limit);
            }

            // The copy counts what it reads, so the bound costs no stream of its own.
            var source = await _inner.ReadAsStreamAsync(deadline).ConfigureAwait(false);
            await using (source.ConfigureAwait(false))
            {
                long copied = 0;
                int read;
                while ((read = await source.ReadAsync(buffer.AsMemory(0, Room(buffer.Length, copied)), deadline).ConfigureAwait(false)) > 0)
                {
                    copied += read;
                    if (!_truncate && copied > _limit)
                    {
                        throw ResponseBodyLimit.Exceeded(_limit);
                    }

                    await stream.WriteAsync(buffer.AsMemory(0, read), deadline).ConfigureAwait(false);
                    if (_truncate && copied >= _limit)
                    {
                        return;
                    }
                }
            }
        }
        catch (Exception e) when (_truncate && e is IOException or HttpRequestException)
        {
            // The body broke off: what arrived stands, and the status alone still says what happened.
        }
        catch (Exception e) when (!_truncate)
        {
            _failure = ExceptionDispatchInfo.Capture(e);
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    protected override Task<Stream> CreateContentReadStreamAsync() => CreateContentReadStreamAsync(CancellationToken.None);

    protected override async Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken)
    {
        _failure?.Throw();
        return await OpenAsync(Deadline(cancellationToken)).ConfigureAwait(false);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private async Task<Stream> OpenAsync(CancellationToken cancellationToken)
    {
        var body = await _inner.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        return _truncate ? body : ResponseBodyLimit.Wrap(body, _inner.Headers.ContentLength, _limit);
    }

    /// <summary>How much to read next: a truncated body reads no more than is left of its limit.</summary>
    private int Room(int buffer, long copied) =>
        _truncate ? (int)Math.Min(buffer, _limit - copied) : buffer;

    /// <summary>The operation's deadline when the reader gave no token (Refit and <see cref="HttpClient"/> give none).</summary>
    private CancellationToken Deadline(CancellationToken reader) =>
        reader.CanBeCanceled ? reader : Call.Deadline.Token;
}
