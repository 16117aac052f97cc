using GenPro.Sdk.Internal;

namespace GenPro.Sdk.Operations;

/// <summary>
/// <see cref="GenProClientOptions.Timeout"/> (or the call's shorter <see cref="GenProRequestOptions.Timeout"/>) over one
/// whole operation: sending, retries, redirects and reading the body. It is the SDK's only total timeout: a resilience
/// strategy would end only the sending (the policy hands back the response once its headers are in), so a body that
/// drips or never ends would run on with nothing but the caller's token; its token reaches the policy as the request's.
/// Disposing the client ends the operation too: disposing an <see cref="HttpClient"/> does not stop a body being read.
/// </summary>
internal sealed class OperationDeadline : IDisposable
{
    private readonly CancellationTokenSource _cancel;
    private readonly CancellationTokenRegistration _callerLink;
    private readonly CancellationTokenRegistration _disposalLink;
    private readonly CancellationToken _disposal;
    private readonly TimeSpan _limit;
    private readonly CancellationSources _sources;

    public OperationDeadline(TimeSpan clientLimit, TimeSpan? callLimit, CancellationSources sources, CancellationToken caller, CancellationToken disposal)
    {
        Caller = caller;
        _disposal = disposal;
        clientLimit = TimeLimits.OrNoLimit(clientLimit); // 60 days or TimeSpan.MaxValue: no limit, as a timer cannot run that long
        callLimit = callLimit is { } requested ? TimeLimits.OrNoLimit(requested) : null;
        SetByCall = callLimit is { } call && call != Timeout.InfiniteTimeSpan && (clientLimit == Timeout.InfiniteTimeSpan || call < clientLimit);
        var limit = SetByCall ? callLimit!.Value : clientLimit;
        _limit = limit;
        _sources = sources;
        Ends = limit == Timeout.InfiniteTimeSpan ? null : sources.TimeProvider.GetUtcNow() + limit;
        _cancel = sources.Rent(limit);
        _callerLink = caller.UnsafeRegister(static s => ((CancellationTokenSource)s!).Cancel(), _cancel);
        _disposalLink = disposal.UnsafeRegister(static s => ((CancellationTokenSource)s!).Cancel(), _cancel);
        Token = _cancel.Token;
    }

    /// <summary>When the time is up; null without a limit. The retry policy will not wait past it for a <c>Retry-After</c>.</summary>
    public DateTimeOffset? Ends { get; }

    /// <summary>The caller's own token: its cancellation stays an <see cref="OperationCanceledException"/>.</summary>
    public CancellationToken Caller { get; }

    /// <summary>Cancelled by the caller, by the client's disposal or when the time is up: what every step runs under.</summary>
    public CancellationToken Token { get; }

    public bool CallerCancelled => Caller.IsCancellationRequested;

    /// <summary>The limit is the call's own <see cref="GenProRequestOptions.Timeout"/>, shorter than the client's.</summary>
    private bool SetByCall { get; }

    /// <summary>The time ran out (and the caller did not cancel first).</summary>
    public bool Expired =>
        _limit != Timeout.InfiniteTimeSpan && _cancel.IsCancellationRequested && !Caller.IsCancellationRequested && !_disposal.IsCancellationRequested;

    /// <summary>The caller's cancellation, with the caller's token on it (not the linked one the SDK ran under).</summary>
    public OperationCanceledException Cancelled(OperationCanceledException e) =>
        e.CancellationToken == Caller ? e : new OperationCanceledException(e.Message, e, Caller);

    public GenProConnectionException TimedOut(string what, Exception inner) => new(
        string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"{what} failed: it timed out after {_limit.TotalSeconds:0.###} s ({(SetByCall ? "GenProRequestOptions" : "GenProClientOptions")}.Timeout), which bounds the whole call: sending, retries and reading the response body."),
        inner);

    public void Dispose()
    {
        _callerLink.Dispose();
        _disposalLink.Dispose();
        _sources.Return(_cancel, Ends);
    }
}
