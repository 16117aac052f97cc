using Microsoft.Extensions.Logging;

namespace GenPro.Sdk.Diagnostics;

/// <summary>
/// The SDK's log messages, source-generated (no boxing, no parsing of templates at run time). They carry the
/// operation, method, path, status and error code only: never a header, a body or a server message, so neither the
/// API key nor a provider key a server might echo can reach a log.
/// </summary>
internal static partial class GenProLog
{
    /// <summary>The category of every SDK log.</summary>
    public const string Category = "GenPro.Sdk";

    [LoggerMessage(EventId = 1, EventName = "OperationStarting", Level = LogLevel.Debug, Message = "GenPro {Operation} starting")]
    public static partial void OperationStarting(ILogger logger, string operation);

    [LoggerMessage(EventId = 2, EventName = "OperationAnswered", Level = LogLevel.Debug,
        Message = "GenPro {Operation}: {Method} {Path} answered {StatusCode} in {ElapsedMilliseconds} ms")]
    public static partial void OperationAnswered(ILogger logger, string operation, string method, string path, int statusCode, double elapsedMilliseconds);

    [LoggerMessage(EventId = 3, EventName = "OperationFailed", Level = LogLevel.Debug,
        Message = "GenPro {Operation} failed after {ElapsedMilliseconds} ms: {ErrorType}")]
    public static partial void OperationFailed(ILogger logger, string operation, double elapsedMilliseconds, string errorType);

    [LoggerMessage(EventId = 4, EventName = "Retrying", Level = LogLevel.Information,
        Message = "GenPro {Method} {Path}: retry {RetryNumber} in {Delay} after {Outcome}")]
    public static partial void Retrying(ILogger logger, string method, string path, int retryNumber, string delay, string outcome);
}
