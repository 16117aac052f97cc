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

    /// <inheritdoc/>
    public override string Message => RequestId is null ? base.Message : $"{base.Message} (request id {RequestId})";
}
