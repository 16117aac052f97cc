using GenPro.Sdk.Errors;
using GenPro.Sdk.Operations;
using GenPro.Sdk.Secrets;

namespace GenPro.Sdk.Avatars.Images;

/// <summary>
/// Reads an avatar picture from the absolute URL the API gave (its CDN, another origin), through the client's own
/// <see cref="HttpClient"/> pipeline: the same retries for GET, redirect guard, deadline, span and logs as any operation,
/// but never with <c>X-API-Key</c> (<see cref="OperationContext.IsApiCall"/>), whatever origin the URL or a redirect
/// names. There is no endpoint to describe, so no route: the request is built here and sent by the runner.
/// Before the caller sees the picture, its size is checked against <see cref="GenProClientOptions.MaxImageSize"/> and
/// its first bytes against the formats the API accepts (<see cref="ImageFormat"/>).
/// </summary>
internal sealed class AvatarImageReader(OperationRunner runner, HttpClient httpClient, long maxImageSize)
{
    public long MaxImageSize => maxImageSize;

    /// <summary>Opens <paramref name="url"/> (checked by <see cref="Resolve"/>) as the operation <paramref name="name"/>.</summary>
    public async Task<AvatarImage> OpenAsync(string name, Uri url, long? agentId, GenProRequestOptions? requestOptions, CancellationToken cancellationToken)
    {
        var call = new OperationContext(name, requestOptions) { AgentId = agentId, IsApiCall = false };
        var response = await runner.OpenAsync(
            call,
            (httpClient, url),
            static (s, c) => s.httpClient.SendAsync(c.CreateRequest(HttpMethod.Get, s.url), HttpCompletionOption.ResponseHeadersRead, CancellationToken.None),
            cancellationToken).ConfigureAwait(false);

        // From here the response and the running call are this method's until the stream takes them over.
        Stream? body = null;
        try
        {
            if (response.Content.Headers.ContentLength is { } announced && announced > maxImageSize)
            {
                throw call.Tag(TooLarge(response, call, $"its Content-Length ({announced} bytes) is above", "did not read it"));
            }

            var head = new byte[ImageFormat.SniffLength];
            int count;
            try
            {
                body = await response.Content.ReadAsStreamAsync(call.Deadline.Token).ConfigureAwait(false);
                count = await ImageFormat.ReadHeadAsync(body, head, call.Deadline.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (ImageBodyStream.IsReadFailure(e))
            {
                throw ReadFailure(e, response, call, CancellationToken.None);
            }

            if (count > maxImageSize)
            {
                throw call.Tag(TooLarge(response, call, "its body is larger than", "stopped reading it"));
            }

            var format = ImageFormat.Detect(head.AsSpan(0, count)) ?? throw call.Tag(NotAnImage(response, call, head.AsSpan(0, count)));
            return new AvatarImage(url, format, response.Content.Headers.ContentLength, new ImageBodyStream(this, body, head, count, response, call));
        }
        catch
        {
            body?.Dispose();
            response.Dispose();
            call.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The absolute address to read: <paramref name="url"/> itself, or a relative one resolved against the API's origin (as a
    /// browser would resolve a link in the API's answer). Only <c>https</c>, or <c>http</c> on a loopback host (a local
    /// fake), as for <see cref="GenProClientOptions.BaseAddress"/>; never with user info.
    /// </summary>
    public Uri Resolve(Uri? url, string paramName, string what)
    {
        ArgumentNullException.ThrowIfNull(url, paramName);
        var absolute = url.IsAbsoluteUri ? url : new Uri(new Uri(runner.BaseAddress, UriKind.Absolute), url);
        if (absolute.Scheme != Uri.UriSchemeHttps && !(absolute.Scheme == Uri.UriSchemeHttp && absolute.IsLoopback))
        {
            throw new ArgumentException(
                $"{what} must use https (plain http is allowed for loopback hosts only); it was {absolute.Scheme}://{absolute.Authority}.", paramName);
        }

        if (!string.IsNullOrEmpty(absolute.UserInfo))
        {
            throw new ArgumentException($"{what} must not carry user info.", paramName);
        }

        return absolute;
    }

    /// <summary>
    /// What a failed body read becomes: the caller's cancellation stays an <see cref="OperationCanceledException"/>; the
    /// rest is a <see cref="GenProConnectionException"/> that says whether the time ran out or the client was disposed.
    /// </summary>
    internal Exception ReadFailure(Exception e, HttpResponseMessage response, OperationContext call, CancellationToken readToken)
    {
        var deadline = call.Deadline;
        if (e is OperationCanceledException cancelled && readToken.IsCancellationRequested)
        {
            // A read's own token, linked to the deadline for the read: the caller gets their token back.
            return new OperationCanceledException(cancelled.Message, cancelled, readToken);
        }

        if (e is OperationCanceledException callCancelled && deadline.CallerCancelled)
        {
            return deadline.Cancelled(callCancelled);
        }

        var scrubber = runner.Scrubber;
        var what = ApiErrorFactory.Describe(response, scrubber, call);
        e = ScrubbedExceptions.Of(e, scrubber, call.Secrets);
        return call.Tag(runner.IsDisposed
            ? new GenProConnectionException($"{what} failed: the client was disposed while the image was read.", e)
            : deadline.Expired ? deadline.TimedOut(what, e) : TransportErrors.ToConnectionException(what, e));
    }

    internal GenProApiException TooLarge(HttpResponseMessage response, OperationContext call, string what, string done) =>
        ApiErrorFactory.UnreadableBody(
            response,
            runner.Scrubber,
            call,
            $"{what} GenProClientOptions.MaxImageSize ({maxImageSize} bytes, counted after decompression); the SDK {done}.",
            null);

    private GenProApiException NotAnImage(HttpResponseMessage response, OperationContext call, ReadOnlySpan<byte> head) =>
        ApiErrorFactory.UnreadableBody(
            response,
            runner.Scrubber,
            call,
            head.IsEmpty
                ? "its body is empty, not a picture."
                : $"its body is not a JPEG, PNG or WebP image (it starts with {Convert.ToHexString(head[..Math.Min(head.Length, 8)])}; Content-Type {response.Content.Headers.ContentType?.MediaType ?? "(none)"}).",
            null);
}
