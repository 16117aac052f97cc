using GenPro.Sdk.Internal;
using GenPro.Sdk.Operations;

namespace GenPro.Sdk.Http.Resilience;

/// <summary>
/// How many times the retry policy sent an operation's request, and the words that say so in the exception a caller
/// gets when the last attempt failed too: without them, an error after four attempts over several seconds reads
/// exactly like one that came at once.
/// </summary>
internal static class Attempts
{
    /// <summary>
    /// Counts one attempt of the operation of <paramref name="request"/>. Called by <see cref="RedirectHandler"/>, the
    /// first handler inside the policy, so each attempt counts once and its redirect hops (which it sends itself) do not.
    /// </summary>
    public static void Count(HttpRequestMessage request) => OperationContext.Of(request)?.CountAttempt();

    /// <summary>
    /// <c> after 4 attempts over 3.2 s</c> (the time since the operation started, on the client's clock) when the request
    /// was sent more than once; empty when it was sent once or never, so a call that was not retried reads as before.
    /// </summary>
    public static string After(OperationContext call) =>
        call.Attempts is > 1 and var attempts
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $" after {attempts} attempts over {Durations.Readable(call.Elapsed)}")
            : string.Empty;
}
