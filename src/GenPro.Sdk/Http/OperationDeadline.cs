namespace GenPro.Sdk.Http;

/// <summary>
/// <see cref="GenProClientOptions.Timeout"/> over one whole operation: sending, retries, redirects and reading the
/// body. The resilience policy's total timeout ends only the sending (the policy hands back the response once its
/// headers are in), so a body that drips or never ends would otherwise run on with nothing but the caller's token.
/// </summary>
internal sealed class OperationDeadline : IDisposable
{
    private readonly CancellationTokenSource? _timeout;
    private readonly CancellationTokenRegistration _link;
    private readonly TimeSpan _limit;

    public OperationDeadline(TimeSpan limit, TimeProvider timeProvider, CancellationToken caller)
    {
        Caller = caller;
        _limit = limit;
        if (limit == Timeout.InfiniteTimeSpan)
        {
            Token = caller;
            return;
        }

        _timeout = new CancellationTokenSource(limit, timeProvider);
        _link = caller.UnsafeRegister(static s => ((CancellationTokenSource)s!).Cancel(), _timeout);
        Token = _timeout.Token;
    }

    /// <summary>The caller's own token: its cancellation stays an <see cref="OperationCanceledException"/>.</summary>
    public CancellationToken Caller { get; }

    /// <summary>Cancelled by the caller or when the time is up: what every step of the operation runs under.</summary>
    public CancellationToken Token { get; }

    public bool CallerCancelled => Caller.IsCancellationRequested;

    /// <summary>The time ran out (and the caller did not cancel first).</summary>
    public bool Expired => _timeout is { IsCancellationRequested: true } && !Caller.IsCancellationRequested;

    /// <summary>The caller's cancellation, with the caller's token on it (not the linked one the SDK ran under).</summary>
    public OperationCanceledException Cancelled(OperationCanceledException e) =>
        e.CancellationToken == Caller ? e : new OperationCanceledException(e.Message, e, Caller);

    public GenProConnectionException TimedOut(string what, Exception inner) => new(
        string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"{what} failed: it timed out after {_limit.TotalSeconds:0.###} s (GenProClientOptions.Timeout), which bounds the whole call: sending, retries and reading the response body."),
        inner);

    public void Dispose()
    {
        _link.Dispose();
        _timeout?.Dispose();
    }
}
