using GenPro.Sdk.Operations;

namespace GenPro.Sdk.Http;

/// <summary>
/// Sends each hop of an attempt, the innermost SDK handler: stamps it (<see cref="ApiKeyStamp"/>: the key, request id,
/// headers), sends it, takes the key off again, notes the response on the operation, and follows a redirect itself,
/// because <see cref="HttpClientHandler"/> would forward <c>X-API-Key</c> to whatever host a redirect names (it strips
/// only <c>Authorization</c>). Every hop is stamped afresh: same-origin hops carry the key, cross-origin hops are followed
/// without it. A downgrade from https to http is never followed, nor a redirect without <c>Location</c>, nor more than
/// <see cref="MaxRedirects"/> hops, nor one that would need to re-send a body that cannot be read twice, nor one that
/// would re-send a body to another origin (a create or update body carries the ElevenLabs and Hume AI keys): those
/// responses go back to the caller as they are, and become a <see cref="GenProApiException"/> whose message says why
/// the redirect was not followed. Stamping and redirects share one handler (one async step per attempt, not two).
/// </summary>
internal sealed class RedirectHandler(ApiKeyStamp stamp) : DelegatingHandler
{
    internal const int MaxRedirects = 5;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var call = OperationContext.Of(request);
        call?.CountAttempt(); // once per attempt of the policy outside; the hops below are not attempts
        for (var hop = 0; ; hop++)
        {
            var key = stamp.Apply(request, call);
            HttpResponseMessage response;
            try
            {
                response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (ApiKeyStamp.Scrubbed(e, key, call) is { } scrubbed)
            {
                throw scrubbed;
            }
            finally
            {
                ApiKeyStamp.Remove(request);
            }

            response.RequestMessage ??= request; // a handler of the caller's may leave it out; messages quote its method and path
            call?.Answered(response);
            if (hop == MaxRedirects || NextRequest(request, response) is not { } next)
            {
                return response;
            }

            response.Dispose();
            request = next;
        }
    }

    /// <summary>
    /// The SDK sends asynchronously only; a synchronous send through its pipeline (an <see cref="HttpClient"/> taken from
    /// the factory under the SDK's name) is refused rather than sent without its key, request id and redirect guard.
    /// </summary>
    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) =>
        throw new NotSupportedException("GenPro.Sdk's HTTP pipeline sends asynchronously only: use SendAsync.");

    /// <summary>The request that follows <paramref name="response"/>, or null when it must not be followed.</summary>
    internal static HttpRequestMessage? NextRequest(HttpRequestMessage request, HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        if (status is not (301 or 302 or 303 or 307 or 308) || response.Headers.Location is not { } location || request.RequestUri is not { } from)
        {
            return null;
        }

        var target = location.IsAbsoluteUri ? location : new Uri(from, location);
        if (target.Scheme != Uri.UriSchemeHttps && target.Scheme != Uri.UriSchemeHttp
            || (from.Scheme == Uri.UriSchemeHttps && target.Scheme != Uri.UriSchemeHttps))
        {
            return null;
        }

        // As browsers and HttpClient do: 303 turns everything but HEAD into GET; 301/302 turn POST into GET.
        var toGet = (status == 303 && request.Method != HttpMethod.Head)
                    || (status is 301 or 302 && request.Method == HttpMethod.Post);
        var content = toGet ? null : request.Content;
        if (content is not null && RefusalToResend(request, target) is { } refusal)
        {
            if (OperationContext.Of(request) is { } call)
            {
                call.RedirectRefusal = refusal;
            }

            return null;
        }

        var method = toGet ? HttpMethod.Get : request.Method;
        // The hop carries the operation on, so it is stamped as the first request was.
        // Every option is copied, the operation's context (a Refit [Property]) with them.
        var next = new HttpRequestMessage(method, target);
        next.Content = content;
        next.Version = request.Version;
        next.VersionPolicy = request.VersionPolicy;
        foreach (var header in request.Headers)
        {
            next.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        foreach (var option in request.Options)
        {
            ((IDictionary<string, object?>)next.Options)[option.Key] = option.Value;
        }

        return next;
    }

    /// <summary>Why the body of <paramref name="request"/> must not be sent again to <paramref name="target"/>; null when it may.</summary>
    private static string? RefusalToResend(HttpRequestMessage request, Uri target)
    {
        if (!ApiKeyStamp.IsSameOrigin(request.RequestUri!, target))
        {
            // Every cross-origin body re-send is refused, not only those known to carry a key: simpler to reason about.
            return "it would re-send the request body to another origin, and a request body may carry secrets "
                   + "(the ElevenLabs and Hume AI keys of a create or update), so it never leaves the API's origin.";
        }

        return OperationContext.Of(request)?.NonReplayableBody == true
            ? "it would re-send a request body read from a stream that cannot be read twice."
            : null;
    }
}
