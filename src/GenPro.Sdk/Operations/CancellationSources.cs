using System.Collections.Concurrent;

namespace GenPro.Sdk.Operations;

/// <summary>
/// Reuses the token sources of <see cref="OperationDeadline"/>, as Polly reuses those of its timeouts: a source and its
/// timer, and the registration list <see cref="HttpClient"/> links to on every call, are made once, not per operation
/// (about 280 B and a timer-queue insertion per call, docs/performance.md). A source comes back only when it was not
/// cancelled and <see cref="CancellationTokenSource.TryReset"/> succeeds, which also drops its registrations.
/// </summary>
internal sealed class CancellationSources
{
    /// <summary>Enough for the calls a client runs at once; more are made and disposed as needed.</summary>
    private const int MaxKept = 64;

    /// <summary>
    /// A source is not reused when its time was almost up: its timer might be firing as it is reset, and would then
    /// cancel the next operation. A call that ends this close to its timeout is rare; a new source costs little.
    /// </summary>
    private static readonly TimeSpan NearExpiry = TimeSpan.FromSeconds(1);

    private static readonly CancellationSources SystemSources = new(TimeProvider.System);

    private readonly ConcurrentQueue<CancellationTokenSource> _kept = new();
    private readonly TimeProvider _timeProvider;

    private CancellationSources(TimeProvider timeProvider) => _timeProvider = timeProvider;

    /// <summary>The sources of <paramref name="timeProvider"/>: one set for the system clock, shared by every client.</summary>
    public static CancellationSources For(TimeProvider timeProvider) =>
        timeProvider == TimeProvider.System ? SystemSources : new CancellationSources(timeProvider);

    public TimeProvider TimeProvider => _timeProvider;

    /// <summary>A source that is not cancelled; it cancels itself after <paramref name="limit"/> unless that is infinite.</summary>
    public CancellationTokenSource Rent(TimeSpan limit)
    {
        if (!_kept.TryDequeue(out var source))
        {
            source = _timeProvider == TimeProvider.System
                ? new CancellationTokenSource()
                : new CancellationTokenSource(Timeout.InfiniteTimeSpan, _timeProvider);
        }

        if (limit != Timeout.InfiniteTimeSpan)
        {
            source.CancelAfter(limit);
        }

        return source;
    }

    /// <summary>Takes back a source whose operation has ended, and whose deadline (if any) is <paramref name="ends"/>.</summary>
    public void Return(CancellationTokenSource source, DateTimeOffset? ends)
    {
        if (_kept.Count < MaxKept
            && (ends is not { } end || _timeProvider.GetUtcNow() < end - NearExpiry)
            && source.TryReset())
        {
            _kept.Enqueue(source);
            return;
        }

        source.Dispose();
    }
}
