using Polly;

namespace GenPro.Sdk.Http.Resilience;

/// <summary>
/// Why a retry the rules would have made was not made, carried from the retry policy to the exception the caller gets
/// (on the request for a response, on the exception for a transport failure), so the message says why it came at once.
/// </summary>
internal static class RetryNotes
{
    private const string Name = "GenPro.NotRetried";
    private static readonly HttpRequestOptionsKey<string> Key = new(Name);

    public static void Record(HttpRequestMessage request, Outcome<HttpResponseMessage> outcome, string reason)
    {
        request.Options.Set(Key, reason);
        if (outcome.Exception is { } exception)
        {
            exception.Data[Name] = reason;
        }
    }

    /// <summary><paramref name="message"/> followed by why the call was not retried, when a retry was skipped.</summary>
    public static string Append(string message, HttpRequestMessage? request) =>
        request is not null && request.Options.TryGetValue(Key, out var reason) ? WithReason(message, reason) : message;

    /// <inheritdoc cref="Append(string, HttpRequestMessage?)"/>
    public static string Append(string message, Exception exception) =>
        (exception.Data[Name] ?? exception.InnerException?.Data[Name]) is string reason ? WithReason(message, reason) : message;

    private static string WithReason(string message, string reason) => $"{message.TrimEnd('.')}. Not retried: {reason}.";
}
