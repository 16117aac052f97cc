using System.Net;
using System.Net.Http.Headers;
using GenPro.Sdk.Testing.Core;

namespace GenPro.Sdk.Testing.Server;

/// <summary>
/// Serves requests in-process, without sockets. The request body is pulled through
/// <see cref="HttpContent.CopyToAsync(Stream, CancellationToken)"/>, the path a socket handler takes, so
/// streaming content is exercised as it would be on the wire.
/// </summary>
internal sealed class FakeHandler(FakeApiCore core) : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        var uri = request.RequestUri is { IsAbsoluteUri: true } absolute
            ? absolute
            : throw new InvalidOperationException("The fake's handler needs an absolute request URI: set HttpClient.BaseAddress.");

        var headers = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        AddHeaders(headers, request.Headers);
        byte[] body = [];
        if (request.Content is { } content)
        {
            AddHeaders(headers, content.Headers);
            using var buffer = new MemoryStream();
            await content.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            body = buffer.ToArray();
        }

        var data = new FakeRequestData
        {
            Method = request.Method.Method,
            Path = Uri.UnescapeDataString(uri.AbsolutePath),
            Query = uri.Query,
            Headers = headers,
            Body = body,
        };
        var answer = await core.HandleAsync(data, cancellationToken).ConfigureAwait(false);
        if (answer.DropConnection)
        {
            throw new HttpRequestException(
                HttpRequestError.ResponseEnded,
                "The fake GEN API dropped the connection (injected fault).",
                new IOException("The response ended prematurely."));
        }

        var response = new HttpResponseMessage((HttpStatusCode)answer.Status)
        {
            RequestMessage = request,
            Content = new ReadOnlyMemoryContent(answer.Body),
        };
        if (answer.ContentType is { } contentType)
        {
            response.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        response.Content.Headers.ContentLength = answer.Body.Length;
        if (answer.RetryAfterSeconds is { } seconds)
        {
            response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(seconds));
        }

        return response;
    }

    private static void AddHeaders(Dictionary<string, string[]> target, HttpHeaders headers)
    {
        foreach (var (name, values) in headers)
        {
            target[name] = [.. values];
        }
    }
}
