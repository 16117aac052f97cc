using System.Runtime.ExceptionServices;

namespace GenPro.Sdk.Bodies;

/// <summary>
/// A failure of the caller's own code while the SDK wrote a request body: their image stream could not be read, or
/// their progress callback threw. <see cref="HttpClient"/> wraps whatever a body throws in an
/// <see cref="HttpRequestException"/>, which reads as a broken connection and would be reported as the server's fault;
/// this marker travels inside that wrapping so the runner can hand the caller their own failure (<see cref="ThrowIfFound"/>).
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1064", Justification = "Never reaches a caller: ThrowIfFound throws what it carries.")]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1032", Justification = "Made in one way only, around the caller's exception.")]
internal sealed class CallerFailure(Exception failure) : Exception(failure.Message, failure)
{
    /// <summary>The caller's failure, as it will be thrown to them.</summary>
    public Exception Failure { get; } = failure;

    /// <summary>Throws the caller's failure carried somewhere in <paramref name="e"/>'s chain, with its own stack trace; returns when there is none.</summary>
    public static void ThrowIfFound(Exception e)
    {
        if (Find(e) is { } failure)
        {
            ExceptionDispatchInfo.Throw(failure);
        }
    }

    /// <summary>The caller's failure carried in <paramref name="e"/>'s chain; null when the failure was not theirs.</summary>
    public static Exception? Find(Exception? e)
    {
        for (var link = e; link is not null; link = link.InnerException)
        {
            if (link is CallerFailure own)
            {
                return own.Failure;
            }
        }

        return null;
    }
}
