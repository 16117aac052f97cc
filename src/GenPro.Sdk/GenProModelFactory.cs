using System.Globalization;
using System.Net;
using GenPro.Sdk.Calls;
using GenPro.Sdk.Errors;
using GenPro.Sdk.Pagination;

namespace GenPro.Sdk;

/// <summary>
/// Builds the SDK's results and exceptions for unit tests that mock <see cref="IGenProClient"/>,
/// <see cref="IAgentsClient"/> or <see cref="IAvatarsClient"/> (models such as <see cref="Agent"/> have public
/// initializers already). What it builds behaves as what the SDK returns: listings page and resume, exceptions are of
/// the type the SDK would choose and carry a request id and headers.
/// </summary>
public static class GenProModelFactory
{
    /// <summary>A page of a listing.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="values">The page's items.</param>
    /// <param name="continuationToken">The token that resumes after this page; null for the last page.</param>
    /// <returns>The page.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is null.</exception>
    public static Page<T> Page<T>(IEnumerable<T> values, string? continuationToken = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new Page<T>([.. values], continuationToken);
    }

    /// <summary>A listing that yields the given pages in order; a page's token resumes after it.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="pages">The pages; every one but the last should carry a distinct continuation token.</param>
    /// <returns>The listing; it can be enumerated any number of times.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="pages"/> is null.</exception>
    /// <exception cref="ArgumentException">A page is null.</exception>
    public static GenProPageable<T> PageableFromPages<T>(IEnumerable<Page<T>> pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        List<Page<T>> list = [.. pages];
        if (list.Contains(null!))
        {
            throw new ArgumentException("The pages contain null.", nameof(pages));
        }

        return new GenProPageable<T>(new StaticPageSource<T>(list));
    }

    /// <summary>A listing of the given items, cut into pages of <paramref name="pageSize"/>, with continuation tokens.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="items">The items.</param>
    /// <param name="pageSize">Items per page (the API's avatar pages hold 20).</param>
    /// <returns>The listing; one empty page when there are no items, as the API answers.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pageSize"/> is not positive.</exception>
    public static GenProPageable<T> PageableFromItems<T>(IEnumerable<T> items, int pageSize = 20)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        var chunks = items.Chunk(pageSize).ToList();
        var pages = new List<Page<T>>(Math.Max(chunks.Count, 1));
        for (var i = 0; i < chunks.Count; i++)
        {
            pages.Add(new Page<T>(chunks[i], i + 1 < chunks.Count ? StaticPageSource<T>.TokenFor(i + 1) : null));
        }

        if (pages.Count == 0)
        {
            pages.Add(new Page<T>([], null));
        }

        return new GenProPageable<T>(new StaticPageSource<T>(pages));
    }

    /// <summary>The metadata of a response, as <see cref="GenProRequestOptions.OnResponse"/> receives it.</summary>
    /// <param name="statusCode">The status.</param>
    /// <param name="headers">The headers (rate-limit ones are parsed into <see cref="GenProResponse.RateLimit"/>); <c>Set-Cookie</c> and credentials are left out, as from the wire.</param>
    /// <param name="requestId">The request id.</param>
    /// <returns>The response metadata.</returns>
    public static GenProResponse Response(
        HttpStatusCode statusCode = HttpStatusCode.OK, IEnumerable<KeyValuePair<string, string>>? headers = null, string? requestId = null)
    {
        var view = ResponseHeaders.From(headers);
        return new GenProResponse(statusCode, view, requestId, ResponseHeaders.DateOf(view));
    }

    /// <summary>
    /// The exception the SDK throws for an error answer: its type chosen as the SDK chooses it (<paramref name="errorCode"/>
    /// first, <paramref name="statusCode"/> second, so 429 gives a <see cref="GenProRateLimitException"/> whose
    /// <c>RetryAfter</c> comes from a <c>Retry-After</c> header), its message composed as the SDK composes it.
    /// </summary>
    /// <param name="statusCode">The status.</param>
    /// <param name="errorCode">The <c>error_code</c>, such as <see cref="GenProErrorCodes.AgentNotFound"/>.</param>
    /// <param name="errorMessage">The server's <c>error</c> text.</param>
    /// <param name="requestId">The request id.</param>
    /// <param name="headers">The response headers.</param>
    /// <param name="responseBody">The response body text.</param>
    /// <param name="attemptCount">
    /// <see cref="GenProException.AttemptCount"/>: how many times the SDK would have sent the request (1 unless retried;
    /// the message does not change with it).
    /// </param>
    /// <returns>The exception, to throw from a mock.</returns>
    public static GenProApiException ApiException(
        HttpStatusCode statusCode,
        string? errorCode = null,
        string? errorMessage = null,
        string? requestId = null,
        IEnumerable<KeyValuePair<string, string>>? headers = null,
        string? responseBody = null,
        int attemptCount = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(attemptCount);
        var response = Response(statusCode, headers, requestId);
        var message = $"The request answered {((int)statusCode).ToString(CultureInfo.InvariantCulture)} {statusCode}"
                      + (errorCode is null ? string.Empty : $" ({errorCode})")
                      + (errorMessage is null ? string.Empty : $": {errorMessage}");
        var exception = ApiErrorFactory.Create(message, statusCode, errorCode, errorMessage, responseBody, response.RateLimit.RetryAfter, null);
        exception.Response = response;
        exception.RequestId = requestId;
        exception.AttemptCount = attemptCount;
        return exception;
    }

    /// <summary>The exception the SDK throws when no usable answer came (connection failure, timeout, open circuit).</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="requestId">The request id of the operation.</param>
    /// <param name="innerException">The transport exception behind it.</param>
    /// <param name="attemptCount"><see cref="GenProException.AttemptCount"/>: how many times the SDK would have sent the request (1 unless retried).</param>
    /// <returns>The exception, to throw from a mock.</returns>
    public static GenProConnectionException ConnectionException(string message, string? requestId = null, Exception? innerException = null, int attemptCount = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(attemptCount);
        return new(message, innerException) { RequestId = requestId, AttemptCount = attemptCount };
    }
}
