using System.Globalization;
using System.Net;
using GenPro.Sdk.Testing.Faults;

namespace GenPro.Sdk.Testing;

/// <summary>
/// One misbehaviour the fake can put in place of a normal answer. Queue it with <see cref="FakeFaults.Add"/>;
/// a faulted request changes no state (a delay excepted: the request then runs normally).
/// </summary>
public sealed class FakeFault
{
    private FakeFault(FaultKind kind) => Kind = kind;

    internal FaultKind Kind { get; }

    internal int StatusCode { get; private init; }

    internal string? ErrorCode { get; private init; }

    internal string? Error { get; private init; }

    internal int? RetryAfterSeconds { get; private init; }

    internal TimeSpan Duration { get; private init; }

    /// <summary>Answers with <paramref name="status"/>; with a JSON error body when a code or message is given, else an empty body.</summary>
    /// <param name="status">The status to answer with, such as 503.</param>
    /// <param name="errorCode">The body's <c>error_code</c>, or null.</param>
    /// <param name="error">The body's <c>error</c> message, or null (a default message is used when only a code is given).</param>
    /// <returns>The fault.</returns>
    public static FakeFault Status(HttpStatusCode status, string? errorCode = null, string? error = null) => new(FaultKind.Status)
    {
        StatusCode = (int)status,
        ErrorCode = errorCode,
        Error = error ?? (errorCode is null ? null : "Injected fault " + ((int)status).ToString(CultureInfo.InvariantCulture)),
    };

    /// <summary>Answers 429 <c>{"error","error_code":"rate_limited"}</c>, with a <c>Retry-After</c> header in whole seconds when given.</summary>
    /// <param name="retryAfter">The wait to advertise, rounded up to whole seconds; null sends no header.</param>
    /// <returns>The fault.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="retryAfter"/> is negative.</exception>
    public static FakeFault RateLimited(TimeSpan? retryAfter = null)
    {
        if (retryAfter is { } wait)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(wait, TimeSpan.Zero, nameof(retryAfter));
        }

        return new(FaultKind.Status)
        {
            StatusCode = 429,
            ErrorCode = "rate_limited",
            Error = "Rate limit exceeded",
            RetryAfterSeconds = retryAfter is { } w ? (int)Math.Ceiling(w.TotalSeconds) : null,
        };
    }

    /// <summary>Waits, then handles the request normally. The wait ends early, failing the request, when the caller cancels.</summary>
    /// <param name="delay">How long to wait.</param>
    /// <returns>The fault.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="delay"/> is negative.</exception>
    public static FakeFault Delay(TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero, nameof(delay));
        return new(FaultKind.Delay) { Duration = delay };
    }

    /// <summary>
    /// Breaks the connection without an answer: the handler throws an <see cref="HttpRequestException"/> with
    /// <see cref="HttpRequestError.ResponseEnded"/>; the server aborts the connection.
    /// </summary>
    /// <returns>The fault.</returns>
    public static FakeFault DropConnection() => new(FaultKind.DropConnection);

    /// <summary>Answers <paramref name="status"/> with a JSON content type and a truncated JSON body.</summary>
    /// <param name="status">The status, 200 unless given.</param>
    /// <returns>The fault.</returns>
    public static FakeFault MalformedBody(HttpStatusCode status = HttpStatusCode.OK) => new(FaultKind.MalformedBody) { StatusCode = (int)status };

    /// <summary>Describes the fault.</summary>
    /// <returns>A description for test output.</returns>
    public override string ToString() => Kind switch
    {
        FaultKind.Status => $"FakeFault {{ Status = {StatusCode}, ErrorCode = {ErrorCode}, RetryAfter = {RetryAfterSeconds} }}",
        FaultKind.Delay => $"FakeFault {{ Delay = {Duration} }}",
        FaultKind.MalformedBody => $"FakeFault {{ MalformedBody, Status = {StatusCode} }}",
        _ => "FakeFault { DropConnection }",
    };
}
