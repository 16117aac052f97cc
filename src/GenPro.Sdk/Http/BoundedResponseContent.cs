using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using GenPro.Sdk.Operations;

namespace GenPro.Sdk.Http;

/// <summary>
/// The body of a response the operation does not parse, put in place of the pipeline's by <see cref="OperationHandler"/>
/// for the endpoints declared without a result (delete, upload, set-primary), whose answer <see cref="HttpClient"/>
/// buffers whole before Refit sees it: a success body is not read at all, an error body is cut at
/// <see cref="Errors.ApiErrorFactory.MaxBodyBytes"/> (all the error factory quotes) and one that breaks off keeps what
/// arrived, all under the operation's deadline. (The bodies the SDK parses are bounded where Refit hands them over:
/// <see cref="ResponseBodyLimit.BufferAsync"/>.)
/// </summary>
internal sealed class BoundedResponseContent : HttpContent
{
    private const int CopyBufferSize = 16 * 1024;

    private readonly HttpContent _inner;
    private readonly long _limit;
    private readonly CancellationToken _deadline;

    public BoundedResponseContent(HttpResponseMessage response, OperationContext call, long limit)
    {
        _inner = response.Content;
        _limit = limit;
        _deadline = call.Deadline.Token; // HttpClient buffers under a token of its own, which the deadline does not cancel
        if (!response.IsSuccessStatusCode)
        {
            // Errors are rare and their content type is quoted: every reader sees the headers as the server sent them.
            foreach (var header in _inner.Headers.NonValidated)
            {
                Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }
    }

    /// <summary>
    /// The headers of <paramref name="response"/>'s content as the server sent them, whether bounded or not (a success's
    /// are not copied onto the bounded content: only hooks ask for them).
    /// </summary>
    public static HttpContentHeaders HeadersOf(HttpResponseMessage response) =>
        response.Content is BoundedResponseContent bounded ? bounded._inner.Headers : response.Content.Headers;

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
        if (_limit == 0)
        {
            return;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(CopyBufferSize);
        try
        {
            var source = await _inner.ReadAsStreamAsync(_deadline).ConfigureAwait(false);
            await using (source.ConfigureAwait(false))
            {
                long copied = 0;
                int read;
                while (copied < _limit
                       && (read = await source.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, _limit - copied)), _deadline).ConfigureAwait(false)) > 0)
                {
                    copied += read;
                    await stream.WriteAsync(buffer.AsMemory(0, read), _deadline).ConfigureAwait(false);
                }
            }
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            // The body broke off: what arrived stands, and the status alone still says what happened.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    protected override Task<Stream> CreateContentReadStreamAsync() => CreateContentReadStreamAsync(CancellationToken.None);

    protected override Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) =>
        _limit == 0 ? Task.FromResult<Stream>(Stream.Null) : _inner.ReadAsStreamAsync(_deadline);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
