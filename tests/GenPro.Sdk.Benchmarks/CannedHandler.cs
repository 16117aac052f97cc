using System.Net;
using System.Net.Http.Headers;

namespace GenPro.Sdk.Benchmarks;

/// <summary>
/// The in-memory transport: answers from <see cref="Wire"/> without a socket, so a benchmark over it measures what the
/// client itself costs. A request body is read to the end (as a socket would), so content that serializes lazily
/// pays for it here too.
/// </summary>
public sealed class CannedHandler : HttpMessageHandler
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is { } content)
        {
            await content.CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false);
        }

        var uri = request.RequestUri!;
        var (status, body) = Wire.Answer(request.Method.Method, uri.AbsolutePath, uri.Query);
        var response = new HttpResponseMessage((HttpStatusCode)status) { RequestMessage = request, Content = new ByteArrayContent(body) };
        response.Content.Headers.ContentType = Json;
        return response;
    }
}
