namespace GenPro.Sdk;

/// <summary>
/// The base of every exception the SDK throws, besides argument errors (<see cref="ArgumentException"/>) and the
/// caller's own cancellation (<see cref="OperationCanceledException"/>). Catch this to handle any failure of a call.
/// </summary>
public class GenProException : Exception
{
    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public GenProException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and the exception that caused it.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public GenProException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>
    /// The <c>X-Request-Id</c> of the operation that failed (the server's when it answered with one, else the one the
    /// SDK sent); quote it to the API's support. Null when no request was sent. Also at the end of <see cref="Message"/>.
    /// </summary>
    public string? RequestId { get; internal set; }

    /// <summary>
    /// How many times the SDK sent the call's request: 1 when it was sent once, more when the retry policy sent it again
    /// (the <see cref="Message"/> then says how many times and over how long, such as
    /// <c>answered 503 ServiceUnavailable after 4 attempts over 3.2 s</c>). Redirect hops are not attempts. 0 when no
    /// request was sent (an open circuit breaker), or for an exception made outside an SDK call (a test's own).
    /// </summary>
    public int AttemptCount { get; internal set; }

    /// <inheritdoc/>
    public override string Message => RequestId is null ? base.Message : $"{base.Message} (request id {RequestId})";
}
