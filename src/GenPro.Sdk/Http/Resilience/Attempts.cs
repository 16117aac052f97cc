using GenPro.Sdk.Internal;
using GenPro.Sdk.Operations;

namespace GenPro.Sdk.Http.Resilience;

/// <summary>
/// The words that say how many times the retry policy sent an operation's request (counted by
/// <see cref="RedirectHandler"/>, the first handler inside the policy: <see cref="OperationContext.CountAttempt"/>) in the
/// exception a caller gets when the last attempt failed too: without them, an error after four attempts over several
/// seconds reads exactly like one that came at once.
/// </summary>
internal static class Attempts
{
    /// <summary>
    /// <c> after 4 attempts over 3.2 s</c> (the time since the operation started, on the client's clock) when the request
    /// was sent more than once; empty when it was sent once or never, so a call that was not retried reads as before.
    /// </summary>
    public static string After(OperationContext call) =>
        call.Attempts is > 1 and var attempts
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $" after {attempts} attempts over {Durations.Readable(call.Elapsed)}")
            : string.Empty;
}
