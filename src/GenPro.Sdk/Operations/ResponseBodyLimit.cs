namespace GenPro.Sdk.Operations;

/// <summary>
/// Caps how much of a success body the SDK reads (<see cref="GenProClientOptions.MaxResponseBodySize"/>), counted on
/// the decompressed body: a small gzip that inflates to gigabytes stops at the limit like an endless chunked body does.
/// A <c>Content-Length</c> above the limit is refused before reading.
/// </summary>
internal static class ResponseBodyLimit
{
    /// <summary>
    /// Buffers <paramref name="content"/> in memory, at most <paramref name="limit"/> bytes and no later than
    /// <paramref name="deadline"/>. Refit buffers a success body itself before it deserializes it, but unbounded and
    /// without a token (its methods take none); once buffered here, its own buffering has nothing left to do.
    /// </summary>
    /// <exception cref="ResponseBodyTooLargeException">The body is, or announces it is, larger than the limit.</exception>
    /// <exception cref="OperationCanceledException">The deadline ended the read, whatever it broke off with.</exception>
    public static async Task BufferAsync(HttpContent content, long limit, CancellationToken deadline)
    {
        if (content.Headers.ContentLength is { } announced && announced > limit)
        {
            throw new ResponseBodyTooLargeException(limit, $"its Content-Length ({announced} bytes) is above"); // before a byte is read
        }

        var max = Math.Min(limit, int.MaxValue); // no buffer holds more
        try
        {
#if NET9_0_OR_GREATER
            await content.LoadIntoBufferAsync(max, deadline).ConfigureAwait(false);
#else
            // .NET 8 buffers without a token: the deadline disposes the content, which ends the read.
            using (deadline.UnsafeRegister(static c => ((HttpContent)c!).Dispose(), content))
            {
                await content.LoadIntoBufferAsync(max).ConfigureAwait(false);
            }

            deadline.ThrowIfCancellationRequested();
#endif
        }
        catch (Exception e) when (deadline.IsCancellationRequested && e is not OperationCanceledException)
        {
            throw new OperationCanceledException("The response body was being read when the operation's time ran out.", e, deadline);
        }
        catch (HttpRequestException e) when (e.HttpRequestError == HttpRequestError.ConfigurationLimitExceeded)
        {
            // How HttpContent's buffering says "more than the maximum buffer size".
            throw new ResponseBodyTooLargeException(limit, "its body is larger than");
        }
    }

    /// <summary>A body past the limit: caught by the runner and turned into a <see cref="GenProApiException"/>.</summary>
    internal sealed class ResponseBodyTooLargeException(long limit, string what)
        : IOException($"{what} GenProClientOptions.MaxResponseBodySize ({limit} bytes, counted after decompression); the SDK stopped reading it.");
}
