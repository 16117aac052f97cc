using GenPro.Sdk.Operations;

namespace GenPro.Sdk.Http.Resilience;

/// <summary>
/// Why a retry the rules would have made was not made, carried from the retry policy to the exception the caller gets
/// in the operation's <see cref="OperationContext.NotRetried"/>, so the message says why it came at once.
/// </summary>
internal static class RetryNotes
{
    /// <summary>Notes <paramref name="reason"/> on the operation of <paramref name="request"/>.</summary>
    public static void Record(HttpRequestMessage request, string reason)
    {
        if (OperationContext.Of(request) is { } call)
        {
            call.NotRetried = reason;
        }
    }

    /// <summary><paramref name="message"/> followed by why the call was not retried, when a retry was skipped.</summary>
    public static string Append(string message, string? notRetried) =>
        notRetried is null ? message : $"{message.TrimEnd('.')}. Not retried: {notRetried}.";
}
